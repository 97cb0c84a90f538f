import { formatInTimeZone } from "date-fns-tz";
import { addCalendarDays, atLocal, localDayOf } from "@/lib/journeys/interpret/local-time";
import type { TRecurrence } from "./schedule-settings";

/**
 * The zone where a local time comes first (UTC+14, no DST; `Etc` zones invert the sign). A
 * local-time run starts when its time arrives there and ends 26 hours later at UTC−12.
 */
export const FIRST_ZONE = "Etc/GMT-14";
export const LAST_ZONE = "Etc/GMT+12";

/** The zone a recurrence's dates and times are read in. */
export const recurrenceZone = (r: Pick<TRecurrence, "localTime">, workspaceZone: string) =>
  r.localTime ? FIRST_ZONE : workspaceZone;

const lastDayOfMonth = (day: string) => {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** Whether the recurrence runs on local calendar day `day` (yyyy-mm-dd), ignoring start and end. */
export function runsOnDay(r: TRecurrence, day: string): boolean {
  switch (r.frequency) {
    case "hourly":
    case "daily":
      return true;
    case "weekly":
      return (r.weekdays ?? []).includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    case "monthly":
      return Number(day.slice(8, 10)) === Math.min(r.dayOfMonth ?? 1, lastDayOfMonth(day));
  }
}

/** The local times of day it runs at on a day it runs: one, or every hour at the same minute. */
const timesOfDay = (r: TRecurrence) =>
  r.frequency === "hourly"
    ? Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:${r.time.slice(3, 5)}`)
    : [r.time];

/**
 * The instant a local date and time happen in `zone`. A time that a spring-forward gap skips
 * (02:30 on the night clocks jump from 02:00 to 03:00) happens just after the gap (03:30), read
 * with the offset before it.
 */
export function wallClock(day: string, time: string, zone: string): Date {
  const at = atLocal(day, time, zone);
  if (formatInTimeZone(at, zone, "HH:mm") === time) return at;
  const before = formatInTimeZone(new Date(at.getTime() - 3 * 3_600_000), zone, "xxx");
  return new Date(`${day}T${time}:00${before}`);
}

/**
 * The first occurrence strictly after `after`, read in `zone`, within the recurrence's start and
 * end dates; null once it has ended. Pure wall-clock arithmetic: an occurrence keeps its local
 * time across a DST change (a time inside a spring-forward gap moves to just after it, and an
 * hour that repeats in the autumn is sent once).
 */
export function nextOccurrence(r: TRecurrence, zone: string, after: Date): Date | null {
  const today = localDayOf(after, zone);
  // Start the day before: `after` may sit at the very start of its local day.
  let day = addCalendarDays(today, -1) < r.startDate ? r.startDate : addCalendarDays(today, -1);
  // A monthly rule on the 31st runs at least every other month: 400 days cover every rule.
  for (let i = 0; i < 400; i++, day = addCalendarDays(day, 1)) {
    if (r.endDate && day > r.endDate) return null;
    if (!runsOnDay(r, day)) continue;
    for (const time of timesOfDay(r)) {
      const at = wallClock(day, time, zone);
      if (at.getTime() > after.getTime()) return at;
    }
  }
  return null;
}

/** The local calendar day an occurrence falls on in `zone` (a local-time run's send date). */
export const occurrenceDay = (at: Date, zone: string) => formatInTimeZone(at, zone, "yyyy-MM-dd");

/**
 * A one-off local-time send: when its run starts (the time's first arrival, at UTC+14) and the
 * last instant any zone reaches it (UTC−12), 26 hours later.
 */
export function localTimeWindow(date: string, time: string): { first: Date; last: Date } {
  return { first: wallClock(date, time, FIRST_ZONE), last: wallClock(date, time, LAST_ZONE) };
}
