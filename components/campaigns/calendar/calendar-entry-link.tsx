import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { TCalendarEntry } from "@/lib/campaigns/calendar/calendar-entries";
import { formatHourMinute } from "@/lib/format/dates";

/** Each kind's colour, always beside its name (never told apart by colour alone). */
export const KIND_STYLE: Record<TCalendarEntry["kind"], { dot: string; chip: string }> = {
  past: { dot: "bg-slate-400", chip: "border-slate-200 bg-slate-50 text-slate-700" },
  running: { dot: "bg-amber-500", chip: "border-amber-200 bg-amber-50 text-amber-900" },
  scheduled: { dot: "bg-brand-600", chip: "border-brand-200 bg-brand-50 text-brand-900" },
  recurring: {
    dot: "bg-emerald-600",
    chip: "border-dashed border-emerald-300 bg-emerald-50 text-emerald-900",
  },
};

/**
 * One send on the calendar: its time (or "09:00 local time"), the campaign and what it is. A run
 * opens its run page; an occurrence not yet run opens the campaign.
 */
export function CalendarEntryLink({
  slug,
  entry,
  timeZone,
  showKind = false,
}: {
  slug: string;
  entry: TCalendarEntry;
  timeZone: string;
  /** Print the kind (the list); the grid says it to screen readers and shows the colour. */
  showKind?: boolean;
}) {
  const t = useTranslations("campaigns.calendar");
  const locale = useLocale();
  const time = entry.localTime
    ? t("localTime", { time: entry.localTime })
    : formatHourMinute(entry.at, timeZone, locale);
  const href = entry.runId
    ? `/w/${slug}/campaigns/runs/${entry.runId}`
    : `/w/${slug}/campaigns/${entry.campaignId}`;
  const style = KIND_STYLE[entry.kind];
  return (
    <Link
      href={href}
      data-testid="calendar-entry"
      data-kind={entry.kind}
      data-day={entry.day}
      className={`flex items-start gap-1.5 rounded border px-1.5 py-1 text-xs leading-tight hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${style.chip}`}
    >
      <span aria-hidden="true" className={`mt-1 size-1.5 shrink-0 rounded-full ${style.dot}`} />
      <span className="min-w-0">
        <span className="font-medium tabular-nums">{time}</span>{" "}
        <span className="break-words">{entry.name}</span>
        {entry.occurrence ? <span> · {t("run", { n: entry.occurrence })}</span> : null}
        <span className={showKind ? "block text-[11px] opacity-80" : "sr-only"}>
          {showKind ? null : ", "}
          {t(`kind.${entry.kind}`)}
        </span>
      </span>
    </Link>
  );
}
