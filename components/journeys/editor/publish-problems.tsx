"use client";
import { useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { describeErrorPath } from "@/lib/journeys/canvas/field-errors";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import { usePathWords } from "./use-path-words";

/** Why publishing failed, one line per defect; clicking one shows its step. */
export function PublishProblems({
  errors,
  labelOf,
  onPick,
}: {
  errors: TGraphError[];
  labelOf: (nodeId: string) => string;
  onPick: (nodeId: string) => void;
}) {
  const t = useTranslations("journeys.editor");
  const pathWords = usePathWords();
  return (
    <div className="space-y-2" data-testid="publish-errors">
      <p className="flex items-center gap-2 text-sm font-semibold text-red-700">
        <AlertTriangle className="size-4" aria-hidden />{" "}
        {t("fixToPublish", { count: errors.length })}
      </p>
      <ul className="space-y-1">
        {errors.map((e, i) => {
          const id = e.nodeIds[0];
          const where = describeErrorPath(e.path, pathWords);
          return (
            <li key={i}>
              <button
                type="button"
                disabled={!id}
                onClick={() => id && onPick(id)}
                className="w-full rounded-md border border-red-200 bg-white px-2 py-1.5 text-left text-sm hover:bg-red-50 disabled:cursor-default"
                data-testid="publish-error"
              >
                {id ? (
                  <span className="block text-xs font-medium text-slate-500">{labelOf(id)}</span>
                ) : null}
                <span className="text-red-700">{where ? `${where}: ${e.message}` : e.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
