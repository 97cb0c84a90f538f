import { formatInTimeZone } from "date-fns-tz";
import type { TRecurrence } from "../schedule/schedule-settings";
import { nextOccurrence, occurrenceDay, recurrenceZone } from "../schedule/next-occurrence";

/**
 * One send on the calendar. `past`: a run that has finished; `running`: one under way or paused;
 * `scheduled`: a run waiting for its time (a one-off `at` or local-time send); `recurring`: an
 * occurrence the scheduler has not started yet, computed by `nextOccurrence` as it will be.
 */
export type TCalendarEntry = {
  kind: "past" | "running" | "scheduled" | "recurring";
  campaignId: string;
  name: string;
  channel: string;
  at: Date;
  /** The calendar day it is shown on: the workspace's day, or a local-time send's own date. */
  day: string;
  /** A local-time send: this time in each contact's own zone (the entry's `at` is its first zone's). */
  localTime: string | null;
  runId: string | null;
  occurrence: number | null;
  /** The run's status (a recurring occurrence has none yet). */
  status: string | null;
};

export type TCalendarRun = {
  id: string;
  campaignId: string;
  name: string;
  channel: string;
  occurrence: number;
  status: string;
  scheduledFor: Date;
  sendLocal: { date: string; time: string } | null;
};

export type TCalendarRecurring = {
  campaignId: string;
  name: string;
  channel: string;
  nextRunAt: Date;
  recurrence: TRecurrence;
};

/** At most this many occurrences per campaign in one view (an hourly rule over six weeks is ~1,000). */
const MAX_OCCURRENCES = 1_100;

const RUN_KIND: Record<string, TCalendarEntry["kind"]> = {
  completed: "past",
  cancelled: "past",
  failed: "past",
  sending: "running",
  paused: "running",
};

/**
 * Everything sent or to be sent in [from, to), by day. Runs are what happened (or is waiting
 * to); a recurring campaign's later occurrences are expanded from its `next_run_at` with the
 * scheduler's own `nextOccurrence`, in the same zone (the workspace's, or UTC+14 for local time).
 */
export function calendarEntries(input: {
  runs: TCalendarRun[];
  recurring: TCalendarRecurring[];
  zone: string;
  from: Date;
  to: Date;
  now: Date;
}): TCalendarEntry[] {
  const { zone, from, to, now } = input;
  const dayOf = (at: Date) => formatInTimeZone(at, zone, "yyyy-MM-dd");
  // Shown by day: a local-time send's date may differ from its first instant's day here.
  const firstDay = dayOf(from);
  const lastDay = dayOf(new Date(to.getTime() - 1));
  const shown = (day: string) => day >= firstDay && day <= lastDay;
  const entries: TCalendarEntry[] = [];
  const taken = new Set<string>();
  for (const r of input.runs) {
    const kind =
      RUN_KIND[r.status] ?? (r.scheduledFor.getTime() > now.getTime() ? "scheduled" : "running");
    taken.add(`${r.campaignId}:${r.scheduledFor.getTime()}`);
    const day = r.sendLocal?.date ?? dayOf(r.scheduledFor);
    if (!shown(day)) continue;
    entries.push({
      kind,
      campaignId: r.campaignId,
      name: r.name,
      channel: r.channel,
      at: r.scheduledFor,
      day,
      localTime: r.sendLocal?.time ?? null,
      runId: r.id,
      occurrence: r.occurrence,
      status: r.status,
    });
  }
  for (const c of input.recurring) {
    const rzone = recurrenceZone(c.recurrence, zone);
    const local = c.recurrence.localTime ? c.recurrence.time : null;
    // A local-time occurrence starts at UTC+14 on its date: look a day either side of the range.
    const slack = local ? 86_400_000 : 0;
    let at: Date | null =
      c.nextRunAt.getTime() >= from.getTime() - slack
        ? c.nextRunAt
        : nextOccurrence(c.recurrence, rzone, new Date(from.getTime() - slack - 1));
    for (let i = 0; at && at.getTime() < to.getTime() + slack && i < MAX_OCCURRENCES; i++) {
      const day = local ? occurrenceDay(at, rzone) : dayOf(at);
      if (shown(day) && !taken.has(`${c.campaignId}:${at.getTime()}`))
        entries.push({
          kind: "recurring",
          campaignId: c.campaignId,
          name: c.name,
          channel: c.channel,
          at,
          day,
          localTime: local,
          runId: null,
          occurrence: null,
          status: null,
        });
      at = nextOccurrence(c.recurrence, rzone, at);
    }
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.name.localeCompare(b.name));
}
