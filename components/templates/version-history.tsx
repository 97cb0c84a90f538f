"use client";
import { History } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/dates";

export type TVersionRow = {
  version: number;
  publishedAt: Date | string;
  publishedBy: string | null;
  publishedByEmail: string | null;
};

/** Published versions, newest first: journeys and campaigns send the newest. */
export function VersionHistory({
  versions,
  timeZone,
}: {
  versions: TVersionRow[];
  /** The workspace's: every date in the app is in it. */
  timeZone: string;
}) {
  const t = useTranslations("templates.versions");
  const locale = useLocale();
  return (
    <Card>
      <h2 className="flex items-center gap-2 border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900">
        <History className="size-4 text-slate-400" aria-hidden /> {t("title")}
      </h2>
      {versions.length ? (
        <ol className="divide-y divide-slate-100" data-testid="version-history">
          {versions.map((v, i) => (
            <li key={v.version} className="flex items-center justify-between px-4 py-2 text-sm">
              <span className="font-medium text-slate-900">
                v{v.version}{" "}
                {i === 0 ? (
                  <span className="ml-1 text-xs font-normal text-emerald-700">{t("live")}</span>
                ) : null}
              </span>
              <span className="text-xs text-slate-500">
                {formatDateTime(new Date(v.publishedAt), timeZone, locale)}
                {v.publishedBy || v.publishedByEmail
                  ? ` · ${v.publishedBy ?? v.publishedByEmail}`
                  : ""}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="px-4 py-4 text-sm text-slate-500">{t("empty")}</p>
      )}
    </Card>
  );
}
