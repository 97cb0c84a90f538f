"use client";
import { useTranslations } from "next-intl";
import { stepName } from "@/lib/journeys/canvas/step-name";
import type { TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import type { TGraphDiff } from "@/lib/journeys/diff/diff-graphs";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import { cn } from "@/lib/utils";

const TONE = {
  added: "bg-emerald-100 text-emerald-800",
  removed: "bg-red-100 text-red-800",
  changed: "bg-amber-100 text-amber-800",
  unchanged: "bg-slate-100 text-slate-600",
} as const;

/** The diff as a list, next to the canvas: what a reviewer reads first. */
export function DiffList({ diff, summary }: { diff: TGraphDiff; summary: TSummaryContext }) {
  const t = useTranslations("journeyDiff");
  const nodes = diff.nodes.filter((n) => n.status !== "unchanged");
  const edges = diff.edges.filter((e) => e.status !== "unchanged");
  const name = (id: string) => {
    const n = diff.nodes.find((x) => x.id === id);
    return n ? stepName(n.type as TNodeKind, n.node.data as Record<string, unknown>, summary) : id;
  };
  if (!nodes.length && !edges.length)
    return (
      <p className="text-sm text-slate-600" data-testid="diff-empty">
        {t("empty")}
      </p>
    );
  return (
    <div className="space-y-4" data-testid="diff-list">
      <section>
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {t("stepsHeading")}
        </h2>
        <ul className="mt-2 space-y-2">
          {nodes.map((n) => (
            <li key={n.id} className="text-sm" data-testid={`diff-node-${n.id}`}>
              <span
                className={cn(
                  "mr-2 rounded-full px-2 py-0.5 text-[11px] font-semibold",
                  TONE[n.status],
                )}
              >
                {t(`status.${n.status}`)}
              </span>
              <span className="font-medium text-slate-900">{name(n.id)}</span>
              {n.fields.length ? (
                <span className="block pl-1 text-xs text-slate-600">
                  {t("changedFields", { fields: n.fields.join(", ") })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {edges.length ? (
        <section>
          <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {t("connectionsHeading")}
          </h2>
          <ul className="mt-2 space-y-2">
            {edges.map((e) => (
              <li key={e.key} className="text-sm" data-testid="diff-edge">
                <span
                  className={cn(
                    "mr-2 rounded-full px-2 py-0.5 text-[11px] font-semibold",
                    TONE[e.status],
                  )}
                >
                  {t(`status.${e.status}`)}
                </span>
                {t("connection", { from: name(e.source), to: name(e.target) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
