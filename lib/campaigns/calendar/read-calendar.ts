import { listActiveRecurring, listRunsAround } from "@/db/queries/campaign-calendar";
import { scheduleOf } from "../schedule/schedule-settings";
import { calendarEntries } from "./calendar-entries";
import { calendarRange, type TCalendarView } from "./calendar-range";

/**
 * The campaign calendar of a workspace for a month or week around `anchor` (yyyy-mm-dd, in the
 * workspace's zone): past and running runs, runs waiting for their time, and the recurring
 * campaigns' coming occurrences.
 */
export async function readCampaignCalendar(
  workspace: { id: string; timezone: string },
  view: TCalendarView,
  anchor: string,
  now = new Date(),
) {
  const range = calendarRange(view, anchor, workspace.timezone);
  const [runs, recurring] = await Promise.all([
    listRunsAround(workspace.id, range.from, range.to),
    listActiveRecurring(workspace.id),
  ]);
  const entries = calendarEntries({
    runs,
    recurring: recurring.flatMap((c) => {
      const s = scheduleOf("recurring", c.scheduleSettings);
      return s?.kind === "recurring" && c.nextRunAt
        ? [{ ...c, nextRunAt: c.nextRunAt, recurrence: s.recurrence }]
        : [];
    }),
    zone: workspace.timezone,
    from: range.from,
    to: range.to,
    now,
  });
  return { range, entries };
}
