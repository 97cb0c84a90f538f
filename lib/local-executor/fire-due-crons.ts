import {
  allCronSchedules,
  fireCronTick,
  moveCronSchedule,
  syncCronSchedules,
} from "@/db/queries/executor-crons";
import { nextCronTime } from "./cron-schedule";
import type { TRegisteredFunction } from "./function-config";
import { newRunOf } from "./new-run";

/** The event a cron run receives, as Inngest sends it. */
export const CRON_EVENT_NAME = "inngest/scheduled.timer";

/** After a sync: every cron trigger gets a schedule row (kept if one exists), stale ones go. */
export async function scheduleCrons(fns: TRegisteredFunction[], nowMs: number): Promise<void> {
  await syncCronSchedules(
    fns.flatMap((fn) =>
      fn.crons.map((cron) => ({ functionId: fn.id, cron, nextAt: nextCronTime(cron, nowMs) })),
    ),
  );
}

/**
 * Starts one run per due cron tick. Ticks missed while no process was running are not replayed
 * (as Inngest does): the schedule jumps to the next time after now. Each tick is claimed by a
 * compare-and-set on its schedule row, so processes sharing the database never both start it; the
 * event id (function, cron, scheduled time) is a second guard.
 *
 * A schedule more than one tick ahead of this clock was set by a clock ahead of it (a process whose
 * test clock was moved on by days, on the same database): left there, this process would not fire
 * the cron until its own clock caught up, so it is pulled back to this clock's next time. Ordinary
 * skew between processes (less than one tick) moves nothing, so no tick runs twice.
 */
export async function fireDueCrons(
  functions: Map<string, TRegisteredFunction>,
  nowMs: number,
): Promise<number> {
  const now = new Date(nowMs);
  let fired = 0;
  // One read of the (small) schedule table per pass serves both the due ticks and the pull-back.
  for (const tick of await allCronSchedules()) {
    const fn = functions.get(tick.functionId);
    // Synced by a newer process than this one's cache: left for a process that knows it.
    if (!fn?.crons.includes(tick.cron)) continue;
    const next = nextCronTime(tick.cron, nowMs);
    if (tick.nextAt > now) {
      if (tick.nextAt > nextCronTime(tick.cron, next.getTime())) await moveCronSchedule(tick, next);
      continue;
    }
    const event = {
      id: `cron:${fn.id}:${tick.cron}:${tick.nextAt.toISOString()}`,
      name: CRON_EVENT_NAME,
      data: { cron: tick.cron },
      ts: tick.nextAt.getTime(),
    };
    if (await fireCronTick(tick, next, event, newRunOf(fn, event, now))) fired++;
  }
  return fired;
}
