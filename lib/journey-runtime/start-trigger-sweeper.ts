import { startPeriodicTask } from "@/lib/background/start-periodic-task";
import { sweepJourneyTriggers } from "./sweep-journey-triggers";

/**
 * Sweeps segment-entered and date-attribute journey triggers every `everyMs`. Several processes may
 * sweep one journey: segment sweeps take turns on its state row, and entries are unique by trigger key.
 */
export function startTriggerSweeper(everyMs: number) {
  return startPeriodicTask("journey trigger sweep", everyMs, () => sweepJourneyTriggers());
}
