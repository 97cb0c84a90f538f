import { db } from "@/db";
import { lastRefreshedAt } from "@/db/queries/analytics-rollups";
import { refreshRollups } from "./refresh-rollups";

/**
 * The incremental refresh the rollup job runs, on an admin's request. Rollups are shared by every
 * workspace and a refresh only catches them up with rows already stored, so one workspace's admin
 * refreshing shows no one anything new of another's; concurrent refreshes wait on one lock.
 */
export async function refreshDashboardNow() {
  const r = await refreshRollups();
  const at = await lastRefreshedAt(db());
  return { refreshedAt: at?.toISOString() ?? null, messageDays: r.messageDays };
}
