import { startPeriodicTask } from "@/lib/background/start-periodic-task";
import { redeliverStalledEntries } from "../runtime/redeliver-stalled-entries";
import { sweepJourneyTriggers } from "./sweep-journey-triggers";

/**
 * Every `everyMs`: sweeps segment-entered and date-attribute journey triggers, and re-sends the
 * start of entries whose run never began. Several processes may do this at once: segment sweeps
 * take turns on a journey's state row, entries are unique by trigger key, and the executor drops a
 * repeated start. The first pass waits a period, so the server is listening before runs start.
 */
export function startTriggerSweeper(everyMs: number) {
  return startPeriodicTask(
    "journey trigger sweep",
    everyMs,
    async () => {
      await sweepJourneyTriggers();
      await redeliverStalledEntries();
    },
    { immediate: false },
  );
}
