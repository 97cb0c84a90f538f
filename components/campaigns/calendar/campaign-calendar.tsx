import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { TCalendarEntry } from "@/lib/campaigns/calendar/calendar-entries";
import type { TCalendarRange } from "@/lib/campaigns/calendar/calendar-range";
import { formatDay } from "@/lib/format/dates";
import { CalendarEntryLink, KIND_STYLE } from "./calendar-entry-link";
import { CalendarKeyboard } from "./calendar-keyboard";

const KINDS = ["past", "running", "scheduled", "recurring"] as const;
/** A month cell lists this many sends; the rest are a link to the day's week. */
const MONTH_CELL_ENTRIES = 4;

/**
 * The campaign calendar: a month or week grid on wide screens, the same sends as a list of days
 * on small ones. Server-rendered links throughout (Tab reaches every send; arrow keys move
 * between days in the grid), so it works without a script and with a keyboard.
 */
export function CampaignCalendar({
  slug,
  range,
  entries,
  today,
  timeZone,
}: {
  slug: string;
  range: TCalendarRange;
  entries: TCalendarEntry[];
  today: string;
  timeZone: string;
}) {
  const t = useTranslations("campaigns.calendar");
  const locale = useLocale();
  const base = `/w/${slug}/campaigns/calendar`;
  const href = (view: string, date: string) => `${base}?view=${view}&date=${date}`;
  const byDay = new Map<string, TCalendarEntry[]>();
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  const month = range.anchor.slice(0, 7);
  const heading =
    range.view === "month"
      ? formatDay(range.anchor, locale, { month: "long", year: "numeric" })
      : t("weekOf", { date: formatDay(range.days[0]!, locale, { dateStyle: "medium" }) });
  const weeks: string[][] = [];
  for (let i = 0; i < range.days.length; i += 7) weeks.push(range.days.slice(i, i + 7));
  const navLink =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";
  const daysWithEntries = range.days.filter((d) => byDay.has(d));
  return (
    <Card className="p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Link
            className={navLink}
            href={href(range.view, range.previous)}
            aria-label={t(range.view === "month" ? "previousMonth" : "previousWeek")}
          >
            ‹
          </Link>
          <Link className={navLink} href={href(range.view, today)}>
            {t("today")}
          </Link>
          <Link
            className={navLink}
            href={href(range.view, range.next)}
            aria-label={t(range.view === "month" ? "nextMonth" : "nextWeek")}
          >
            ›
          </Link>
          <h2 className="ml-2 text-lg font-semibold" id="calendar-heading">
            {heading}
          </h2>
        </div>
        <nav aria-label={t("periodLabel")} className="inline-flex rounded-lg bg-slate-100 p-1">
          {(["month", "week"] as const).map((v) => (
            <Link
              key={v}
              href={href(v, range.anchor)}
              aria-current={range.view === v ? "page" : undefined}
              className={`rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
                range.view === v ? "bg-white text-slate-900 shadow-sm" : "text-slate-600"
              }`}
            >
              {t(v)}
            </Link>
          ))}
        </nav>
      </div>
      <ul
        className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600"
        aria-label={t("legend")}
      >
        {KINDS.map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-2 rounded-full ${KIND_STYLE[k].dot}`} />
            {t(`kind.${k}`)}
          </li>
        ))}
      </ul>

      {/* Wide screens: the grid. */}
      <CalendarKeyboard>
        <table
          className="mt-4 hidden w-full table-fixed border-collapse md:table"
          aria-labelledby="calendar-heading"
          data-testid="calendar-grid"
        >
          <thead>
            <tr>
              {range.days.slice(0, 7).map((d) => (
                <th
                  key={d}
                  scope="col"
                  className="border-b border-slate-200 pb-2 text-left text-xs font-medium uppercase text-slate-500"
                >
                  <abbr title={formatDay(d, locale, { weekday: "long" })} className="no-underline">
                    {formatDay(d, locale, { weekday: "short" })}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((d) => {
                  const outside = range.view === "month" && !d.startsWith(month);
                  const day = byDay.get(d) ?? [];
                  return (
                    <td
                      key={d}
                      data-day={d}
                      className={`border border-slate-200 p-1.5 align-top ${
                        range.view === "week" ? "h-64" : "h-28"
                      } ${outside ? "bg-slate-50" : ""}`}
                    >
                      <a
                        href={href("week", d)}
                        data-calendar-day={d}
                        aria-current={d === today ? "date" : undefined}
                        aria-label={t("dayLabel", {
                          date: formatDay(d, locale),
                          count: day.length,
                        })}
                        className={`mb-1 inline-flex size-6 items-center justify-center rounded-full text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
                          d === today
                            ? "bg-brand-600 font-semibold text-white"
                            : outside
                              ? "text-slate-500"
                              : "text-slate-700"
                        }`}
                      >
                        {Number(d.slice(8, 10))}
                      </a>
                      <ul className="space-y-1">
                        {(range.view === "month" ? day.slice(0, MONTH_CELL_ENTRIES) : day).map(
                          (e) => (
                            <li key={`${e.campaignId}:${e.at.getTime()}`}>
                              <CalendarEntryLink slug={slug} entry={e} timeZone={timeZone} />
                            </li>
                          ),
                        )}
                      </ul>
                      {range.view === "month" && day.length > MONTH_CELL_ENTRIES ? (
                        <Link
                          href={href("week", d)}
                          className="mt-1 block text-xs font-medium text-brand-700 underline underline-offset-2"
                        >
                          {t("more", { count: day.length - MONTH_CELL_ENTRIES })}
                        </Link>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </CalendarKeyboard>

      {/* Small screens: the same sends, day by day. */}
      <div className="mt-4 md:hidden" data-testid="calendar-list">
        {daysWithEntries.length ? (
          <ol className="space-y-4">
            {daysWithEntries.map((d) => (
              <li key={d}>
                <h3 className="text-sm font-semibold text-slate-800">
                  {formatDay(d, locale)}
                  {d === today ? ` · ${t("today")}` : ""}
                </h3>
                <ul className="mt-1 space-y-1">
                  {byDay.get(d)!.map((e) => (
                    <li key={`${e.campaignId}:${e.at.getTime()}`}>
                      <CalendarEntryLink slug={slug} entry={e} timeZone={timeZone} showKind />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        )}
      </div>
      {!entries.length ? (
        <p className="mt-4 hidden text-sm text-slate-500 md:block">{t("empty")}</p>
      ) : null}
    </Card>
  );
}
