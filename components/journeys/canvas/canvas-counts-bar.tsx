"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { FilterBar } from "@/components/ui/filter-bar";
import type { TRangeValue } from "@/components/ui/filter-query";
import { rangeQuery } from "./use-node-stats";

/**
 * Above a published journey's canvas: which days its counts cover (the dashboards' ranges, in the
 * same FilterBar), what the counts mean, and the journey's dashboard for the same range, whose
 * per-step table they equal. The range lives in the editor, not the URL: the page's server props
 * carry the draft, which a navigation would fetch again.
 */
export function CanvasCountsBar({
  slug,
  journeyId,
  value,
  onApply,
  days,
}: {
  slug: string;
  journeyId: string;
  value: TRangeValue;
  onApply: (next: TRangeValue) => void;
  /** The days the shown counts cover, once loaded. */
  days?: { from: string; to: string };
}) {
  const t = useTranslations("journeys.counts");
  const locale = useLocale();
  const day = (d: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${d}T00:00:00Z`),
    );
  return (
    <FilterBar
      label={t("label")}
      value={value}
      onApply={onApply}
      dateRange
      narrowed={false}
      testId="canvas-counts-bar"
      className="shrink-0 border-b border-slate-200 bg-white px-4 py-1.5"
      before={<span className="font-medium text-slate-700">{t("title")}</span>}
      after={
        <>
          {days ? (
            <span className="text-xs text-slate-600" data-testid="canvas-counts-days">
              {t("days", { from: day(days.from), to: day(days.to) })}
            </span>
          ) : null}
          <span className="hidden text-xs text-slate-600 xl:inline">{t("hint")}</span>
          <Link
            href={`/w/${slug}/dashboards/journeys/${journeyId}?${rangeQuery(value)}`}
            className="ml-auto text-brand-700 underline-offset-2 hover:underline"
          >
            {t("dashboard")}
          </Link>
        </>
      }
    />
  );
}
