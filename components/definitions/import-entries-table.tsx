"use client";
import { useTranslations } from "next-intl";
import type { TImportEntry } from "@/lib/definitions/import-definitions";
import { cn } from "@/lib/utils";

const TONE: Record<TImportEntry["action"], string> = {
  create: "bg-emerald-100 text-emerald-800",
  update: "bg-amber-100 text-amber-800",
  skip: "bg-slate-100 text-slate-600",
};

/** What an import creates, updates and skips (and why), one row per definition. */
export function ImportEntriesTable({ entries }: { entries: TImportEntry[] }) {
  const t = useTranslations("definitions");
  return (
    <table className="mt-2 w-full text-sm">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="py-1 font-medium">{t("columns.kind")}</th>
          <th className="py-1 font-medium">{t("columns.name")}</th>
          <th className="py-1 font-medium">{t("columns.action")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map((e) => (
          <tr key={`${e.kind}:${e.name}`} data-testid="definitions-entry">
            <td className="py-1.5 text-slate-600">{t(`kinds.${e.kind}`)}</td>
            <td className="py-1.5 font-medium text-slate-900">{e.name}</td>
            <td className="py-1.5">
              <span
                className={cn("rounded-full px-2 py-0.5 text-[11px] font-semibold", TONE[e.action])}
              >
                {t(`actions.${e.action}`)}
              </span>
              {e.reason ? (
                <span className="ml-2 text-xs text-slate-600">
                  {t(`reasons.${e.reason}` as "reasons.unchanged")}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
