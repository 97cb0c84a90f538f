import type { TLocale } from "@/lib/i18n/locales";

/**
 * Dates as the viewer reads them: in the workspace's time zone (pages render on the server, which
 * has its own) and in the viewer's locale. English uses day-month-year ("6 Dec 2026") so no
 * reader mistakes 03/04 for the wrong month.
 */
const intlTag = (locale: TLocale | string) => (locale === "en" ? "en-GB" : locale);

export function formatDateTime(d: Date, timeZone: string, locale: TLocale | string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(d);
}

export function formatDate(d: Date, timeZone: string, locale: TLocale | string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeZone }).format(d);
}

export function formatTime(d: Date, timeZone: string | undefined, locale: TLocale | string) {
  return new Intl.DateTimeFormat(intlTag(locale), { timeStyle: "medium", timeZone }).format(d);
}

/** A day as a lock screen shows it: "Monday, 23 November", "Thứ Hai, 23 tháng 11", "11月23日星期一". */
export function formatWeekdayDate(d: Date, timeZone: string, locale: TLocale | string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone,
  }).format(d);
}

/** Hours and minutes only: "09:41". */
export function formatClock(d: Date, timeZone: string, locale: TLocale | string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { timeStyle: "short", timeZone }).format(d);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86400],
  ["month", 30 * 86400],
  ["week", 7 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 hours ago", "yesterday", "just now" — "3 giờ trước", "昨天", "刚刚". */
export function formatRelative(d: Date, now: Date, locale: TLocale | string): string {
  const seconds = (d.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  // "now" in every locale ("bây giờ", "现在").
  return rtf.format(0, "second");
}

/** A time of day without seconds ("09:00"), for calendars and schedules. */
export function formatHourMinute(d: Date, timeZone: string, locale: TLocale | string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(d);
}

/** A calendar day (yyyy-mm-dd, no zone of its own) as the viewer reads it, with these parts. */
export function formatDay(
  day: string,
  locale: TLocale | string,
  parts: Intl.DateTimeFormatOptions = { dateStyle: "full" },
): string {
  return new Intl.DateTimeFormat(intlTag(locale), { ...parts, timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
