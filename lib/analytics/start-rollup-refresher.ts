import { startPeriodicTask } from "@/lib/background/start-periodic-task";
import { refreshRollups } from "./refresh-rollups";

export const REFRESH_EVERY_MS = 30_000;

/** Refreshes the dashboard rollups every 30 seconds in the app's own process (several processes on one database serialise on the state row). */
export function startRollupRefresher(everyMs = REFRESH_EVERY_MS) {
  return startPeriodicTask("rollup refresh", everyMs, refreshRollups);
}
