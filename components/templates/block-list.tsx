"use client";
import { ArrowDown, ArrowUp, Copy, GripVertical, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Button } from "@/components/ui/button";
import {
  blockPath,
  duplicateBlock,
  moveBlock,
  newBlock,
  removeBlock,
} from "@/lib/templates/email-block-ops";
import type { TContentBlock, TEmailBlock } from "@/lib/templates/template-content";
import { cn } from "@/lib/utils";
import { BLOCK_ICONS, blockSummary } from "./block-meta";
import { flagsUnder, useEditor } from "./editor-context";
import { useBlockDrag } from "./use-block-drag";
import { useFlagText } from "./use-template-text";

type Props = {
  blocks: TEmailBlock[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onChange: (fn: (b: TEmailBlock[]) => TEmailBlock[]) => void;
};

type TDrag = ReturnType<typeof useBlockDrag>;

function BlockRow({
  block,
  index,
  count,
  nested,
  drag,
  ...p
}: Props & {
  block: TEmailBlock;
  index: number;
  count: number;
  nested?: boolean;
  drag: TDrag;
}) {
  const t = useTranslations("templates.blocks");
  const flagText = useFlagText();
  const { readOnly, flags } = useEditor();
  const Icon = BLOCK_ICONS[block.type];
  const label = t(`kind.${block.type}`);
  const path = blockPath(p.blocks, block.id) ?? "";
  const problems = flagsUnder(flags, path);
  const selected = p.selectedId === block.id;
  const name = t("name", { kind: label, n: index + 1 });
  const summary = blockSummary(block, {
    empty: t("summary.empty"),
    noLabel: t("summary.noLabel"),
    columns: (count) => t("columnsCount", { count }),
  });
  const grabbed = drag.grabbed === block.id;
  return (
    <li
      data-testid={`block-${block.type}`}
      data-selected={selected || undefined}
      data-grabbed={grabbed || undefined}
      {...(readOnly ? {} : drag.rowDrag(block.id))}
      className={cn(
        "group flex items-center gap-1 rounded-md border bg-white pr-1",
        selected
          ? "border-brand-500 ring-2 ring-brand-100"
          : "border-slate-200 hover:border-slate-300",
        grabbed && "border-brand-600 shadow-md ring-2 ring-brand-300",
        nested && "ml-6",
      )}
    >
      {readOnly ? null : (
        <button
          type="button"
          className="ml-1 cursor-grab rounded p-1 text-slate-400 hover:text-slate-600 focus-visible:outline-2 focus-visible:outline-brand-500"
          aria-label={t("row.drag", { name })}
          aria-roledescription={t("row.sortable")}
          aria-describedby="block-drag-help"
          aria-pressed={grabbed}
          onKeyDown={(e) => drag.gripKeyDown(e, block.id, name)}
          data-mutates
        >
          <GripVertical className="size-4" aria-hidden />
        </button>
      )}
      <button
        type="button"
        className="flex min-w-0 flex-1 items-center gap-2 px-3 py-2 text-left"
        aria-pressed={selected}
        onClick={() => p.onSelect(block.id)}
      >
        {/* The name comes from the content, so the visible kind and summary are in it (WCAG
            2.5.3, label in name); the hidden part says what the button does. */}
        <span className="sr-only">{t("row.edit", { name })}</span>
        <Icon className="size-4 shrink-0 text-slate-500" aria-hidden />
        <span className="w-24 shrink-0 truncate text-xs font-medium text-slate-500">{label}</span>
        <span className="truncate text-sm text-slate-800">{summary}</span>
        {problems.length ? (
          <span
            className={cn(
              "ml-auto size-2 shrink-0 rounded-full",
              problems.some((f) => f.level === "error") ? "bg-red-500" : "bg-amber-400",
            )}
            title={problems.map(flagText).join("\n")}
          />
        ) : null}
      </button>
      {readOnly ? null : (
        <div className="flex shrink-0 opacity-60 group-hover:opacity-100">
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label={t("row.moveUp", { name })}
            disabled={index === 0}
            onClick={() => p.onChange((b) => moveBlock(b, block.id, -1))}
            data-mutates
          >
            <ArrowUp />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label={t("row.moveDown", { name })}
            disabled={index === count - 1}
            onClick={() => p.onChange((b) => moveBlock(b, block.id, 1))}
            data-mutates
          >
            <ArrowDown />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label={t("row.duplicate", { name })}
            onClick={() => p.onChange((b) => duplicateBlock(b, block.id))}
            data-mutates
          >
            <Copy />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-7 text-red-600"
            aria-label={t("row.delete", { name })}
            onClick={() => p.onChange((b) => removeBlock(b, block.id))}
            data-mutates
          >
            <Trash2 />
          </Button>
        </div>
      )}
    </li>
  );
}

/** The email's blocks in order; a columns block lists its columns' blocks under it. */
export function BlockList(p: Props) {
  const t = useTranslations("templates.blocks");
  const { readOnly } = useEditor();
  const drag = useBlockDrag(p.onChange);
  if (!p.blocks.length)
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-500">
        {t("empty")}
      </p>
    );
  return (
    <>
      <p id="block-drag-help" className="sr-only">
        {t("dragHelp")}
      </p>
      <p className="sr-only" aria-live="assertive" data-testid="block-drag-status">
        {drag.announcement}
      </p>
      <ol className="space-y-1.5" aria-label={t("list")}>
        {/* Rows are the list's own items (no wrapper between <ol> and <li>). */}
        {p.blocks.map((b, i) => (
          <Fragment key={b.id}>
            <BlockRow {...p} drag={drag} block={b} index={i} count={p.blocks.length} />
            {b.type === "columns"
              ? b.columns.map((col, j) => (
                  <div key={j} className="space-y-1.5">
                    <p className="ml-6 flex items-center gap-2 text-[11px] font-semibold uppercase tracking-wide text-slate-400">
                      {t("column", { n: j + 1 })}
                      {readOnly ? null : (
                        <button
                          type="button"
                          className="font-medium normal-case tracking-normal text-brand-700 hover:underline"
                          data-mutates
                          onClick={() => {
                            const added = newBlock("text") as TContentBlock;
                            p.onChange((blocks) =>
                              blocks.map((x) =>
                                x.id === b.id && x.type === "columns"
                                  ? {
                                      ...x,
                                      columns: x.columns.map((c, k) =>
                                        k === j ? { blocks: [...c.blocks, added] } : c,
                                      ),
                                    }
                                  : x,
                              ),
                            );
                            p.onSelect(added.id);
                          }}
                        >
                          {t("addText")}
                        </button>
                      )}
                    </p>
                    {col.blocks.map((inner, k) => (
                      <BlockRow
                        key={inner.id}
                        {...p}
                        block={inner}
                        index={k}
                        count={col.blocks.length}
                        drag={drag}
                        nested
                      />
                    ))}
                  </div>
                ))
              : null}
          </Fragment>
        ))}
      </ol>
    </>
  );
}
