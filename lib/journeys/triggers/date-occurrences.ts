import type { TDateAttributeRef } from "../graph/node-data";
import {
  addCalendarDays,
  atLocal,
  calendarDateOf,
  inYear,
  localDayOf,
} from "../interpret/local-time";

type TRef = Pick<TDateAttributeRef, "offsetDays" | "time" | "yearly">;

/**
 * When a date-attribute trigger fires for a contact: on the local day its date (shifted by
 * `offsetDays`, on the anniversary when `yearly`) comes round, once the local time reaches `time`.
 * Returns that local day (`yyyy-mm-dd`, part of the entry's trigger key, so one entry per
 * occurrence), or null when it does not fire now. A sweep that runs late the same day still fires;
 * a day the app was down all day is not caught up.
 */
export function dateTriggerDueOn(value: unknown, ref: TRef, tz: string, now: Date): string | null {
  const date = calendarDateOf(value, tz);
  if (!date) return null;
  const today = localDayOf(now, tz);
  if (!occursOn(date, ref, today)) return null;
  return atLocal(today, ref.time, tz).getTime() <= now.getTime() ? today : null;
}

function occursOn(date: string, ref: TRef, day: string): boolean {
  if (!ref.yearly) return addCalendarDays(date, ref.offsetDays) === day;
  // The anniversary that lands on `day` after the offset is in the year before, of, or after it.
  const year = Number(day.slice(0, 4));
  return [year - 1, year, year + 1].some(
    (y) => addCalendarDays(inYear(date, y), ref.offsetDays) === day,
  );
}

/**
 * What a stored value may start with for the trigger to fire around `now` in any zone: local days
 * run from the UTC day before to the day after, and a date-time written with one offset may fall up
 * to two days from its text in the contact's zone (−12:00 against +14:00). A narrow SQL pre-filter; `dateTriggerDueOn` decides.
 */
export function dateTriggerCandidates(
  ref: TRef,
  now: Date,
): { dates: string[] } | { monthDays: string[] } {
  const utcDay = now.toISOString().slice(0, 10);
  const dates = [-3, -2, -1, 0, 1, 2, 3].map((d) => addCalendarDays(utcDay, d - ref.offsetDays));
  if (!ref.yearly) return { dates };
  const monthDays = new Set(dates.map((d) => d.slice(5)));
  // 29 February is celebrated on the 28th in common years.
  if (monthDays.has("02-28")) monthDays.add("02-29");
  return { monthDays: [...monthDays] };
}
