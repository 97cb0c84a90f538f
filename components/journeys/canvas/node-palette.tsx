"use client";
import { useTranslations } from "next-intl";
import { memo } from "react";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import { cn } from "@/lib/utils";
import { DRAG_MIME, NODE_KIND_META, PALETTE_GROUPS } from "./node-kinds";

/** Steps to drag onto the canvas (or click to drop one in the middle of the view). */
export const NodePalette = memo(function NodePalette({
  onAdd,
}: {
  onAdd: (kind: TNodeKind) => void;
}) {
  const t = useTranslations("journeys.palette");
  const tk = useTranslations("journeys.kinds");
  return (
    <nav
      aria-label={t("label")}
      className="flex w-52 shrink-0 flex-col gap-3 overflow-y-auto border-r border-slate-200 bg-white p-3"
      data-testid="palette"
    >
      <p className="text-xs text-slate-500">{t("hint")}</p>
      {PALETTE_GROUPS.map((g) => (
        <div key={g.title}>
          <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-400">
            {t(`groups.${g.title}`)}
          </h3>
          <ul className="flex flex-col gap-1">
            {g.kinds.map((kind) => {
              const m = NODE_KIND_META[kind];
              const Icon = m.icon;
              return (
                <li key={kind}>
                  <button
                    type="button"
                    draggable
                    data-mutates
                    data-testid={`palette-${kind}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_MIME, kind);
                      e.dataTransfer.effectAllowed = "move";
                    }}
                    onClick={() => onAdd(kind)}
                    title={tk(`${kind}.hint`)}
                    className="flex w-full cursor-grab items-center gap-2 rounded-lg border border-slate-200 bg-white px-2 py-1.5 text-left text-sm hover:border-brand-300 hover:bg-brand-50 active:cursor-grabbing"
                  >
                    <span
                      className={cn(
                        "flex size-6 shrink-0 items-center justify-center rounded-md",
                        m.tone,
                      )}
                    >
                      <Icon className="size-3.5" aria-hidden />
                    </span>
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-slate-800">
                        {tk(`${kind}.label`)}
                      </span>
                      <span className="block truncate text-[11px] text-slate-500">
                        {tk(`${kind}.hint`)}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
});
