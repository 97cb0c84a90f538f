import { addCalendarDays } from "@/lib/journeys/interpret/local-time";
import { wallClock } from "../schedule/next-occurrence";

export const CALENDAR_VIEWS = ["month", "week"] as const;
export type TCalendarView = (typeof CALENDAR_VIEWS)[number];

/** Monday of the week `day` (yyyy-mm-dd) is in: weeks start on Monday (ISO 8601). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addCalendarDays(day, -((weekday + 6) % 7));
}

export type TCalendarRange = {
  view: TCalendarView;
  /** The day the view is about (its month, or its week). */
  anchor: string;
  /** Every day shown, in order: whole weeks (the month's first to last week, or one week). */
  days: string[];
  /** The instants the shown days span in the workspace's zone: [from, to). */
  from: Date;
  to: Date;
  /** The anchors of the previous and next month or week. */
  previous: string;
  next: string;
};

/** The days a month or week view shows around `anchor`, and the instants they span in `zone`. */
export function calendarRange(view: TCalendarView, anchor: string, zone: string): TCalendarRange {
  let first: string;
  let count: number;
  let previous: string;
  let next: string;
  if (view === "week") {
    first = weekStart(anchor);
    count = 7;
    previous = addCalendarDays(first, -7);
    next = addCalendarDays(first, 7);
  } else {
    const monthFirst = `${anchor.slice(0, 7)}-01`;
    const [y, m] = monthFirst.split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    first = weekStart(monthFirst);
    const end = addCalendarDays(weekStart(lastDay), 7);
    count = Math.round((Date.parse(end) - Date.parse(first)) / 86_400_000);
    previous = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
    next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  }
  const days = Array.from({ length: count }, (_, i) => addCalendarDays(first, i));
  return {
    view,
    anchor,
    days,
    from: wallClock(days[0]!, "00:00", zone),
    to: wallClock(addCalendarDays(days[days.length - 1]!, 1), "00:00", zone),
    previous,
    next,
  };
}
