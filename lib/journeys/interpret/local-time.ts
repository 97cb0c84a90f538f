import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { isTimeZone } from "@/lib/validation/time-zone";
import type { TDateAttributeRef } from "../graph/node-data";
import type { TQuietHours } from "../graph/journey-settings";

/**
 * Wall-clock arithmetic in a contact's zone. Everything goes through calendar dates and local
 * times (never "now + N hours"), so a DST change moves the instant, not the local time.
 */

/** The contact's zone when it is a real one, else the fallback. */
export const zoneFor = (contactZone: string | null | undefined, fallback: string) =>
  isTimeZone(contactZone) ? contactZone : fallback;

const localDate = (at: Date, tz: string) => formatInTimeZone(at, tz, "yyyy-MM-dd");
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `yyyy-MM-dd` plus whole days, on the calendar (no zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a local date and time happen in a zone (a time inside a spring-forward gap moves forward). */
export const atLocal = (date: string, time: string, tz: string) =>
  fromZonedTime(`${date}T${time}:00`, tz);

/** The first instant at or after `now` whose local time in `tz` is `time`. */
export function nextLocalTime(now: Date, time: string, tz: string): Date {
  const today = localDate(now, tz);
  const candidate = atLocal(today, time, tz);
  return candidate.getTime() >= now.getTime()
    ? candidate
    : atLocal(addCalendarDays(today, 1), time, tz);
}

/** When quiet hours are on at `now` in `tz`, the instant they end; null when sending is allowed. */
export function quietHoursEnd(
  now: Date,
  quiet: Pick<TQuietHours, "start" | "end">,
  tz: string,
): Date | null {
  const local = minutesOf(formatInTimeZone(now, tz, "HH:mm"));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  return inside ? nextLocalTime(now, quiet.end, tz) : null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date an attribute value names: as written for a bare date, else in the contact's zone. */
export function calendarDateOf(value: unknown, tz: string): string | null {
  if (typeof value !== "string") return null;
  if (DATE_ONLY.test(value)) return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? null : value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : localDate(new Date(ms), tz);
}

export function inYear(date: string, year: number): string {
  const [, m, d] = date.split("-").map(Number) as [number, number, number];
  // 29 February falls on the 28th in common years.
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * When "date attribute ± offset days at local time" happens: the one instant, or for `yearly` the next
 * anniversary at or after `now`. Null when the attribute holds no date.
 */
export function dateAttributeTarget(
  value: unknown,
  ref: Pick<TDateAttributeRef, "offsetDays" | "time" | "yearly">,
  tz: string,
  now: Date,
): Date | null {
  const date = calendarDateOf(value, tz);
  if (!date) return null;
  if (!ref.yearly) return atLocal(addCalendarDays(date, ref.offsetDays), ref.time, tz);
  const year = Number(localDate(now, tz).slice(0, 4));
  for (const y of [year - 1, year, year + 1, year + 2]) {
    const at = atLocal(addCalendarDays(inYear(date, y), ref.offsetDays), ref.time, tz);
    if (at.getTime() >= now.getTime()) return at;
  }
  return null;
}

/** The local calendar day of `now` in `tz`, for "messages today" counts. */
export const localDayOf = localDate;
