import {
  campaignDeliveriesByStatus,
  executorQueue,
  executorRunsByStatus,
  rollupFreshness,
  type TExecutorQueue,
} from "@/db/queries/system-status";
import { env } from "@/lib/env";
import { failingProviders, type TFailingProvider } from "@/lib/health/provider-health";

export type TSystemSnapshot = {
  takenAt: string;
  executor: "local" | "inngest-dev" | "inngest";
  /** Null when Inngest runs the functions (its own dashboard shows its queue). */
  queue: TExecutorQueue | null;
  runs: { functionId: string; status: string; n: number }[];
  campaignDeliveries: { status: string; n: number }[];
  rollups: { source: string; refreshedAt: string | null; ageSeconds: number | null }[];
  failingProviders: TFailingProvider[];
};

const TTL_MS = 5_000;
const KEY = Symbol.for("waymark.system-snapshot");
type THolder = { [KEY]?: { at: number; value: Promise<TSystemSnapshot> } };

/**
 * Everything the metrics, the status page and the admin see, read in one go and shared for a few
 * seconds: a scrape every 5 s from each of several Prometheus servers costs one round of queries.
 */
export function readSystemSnapshot(now = Date.now()): Promise<TSystemSnapshot> {
  const holder = globalThis as THolder;
  const hit = holder[KEY];
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = (async (): Promise<TSystemSnapshot> => {
    const local = env.executor === "local";
    const [queue, runs, campaignDeliveries, rollups] = await Promise.all([
      local ? executorQueue() : null,
      local ? executorRunsByStatus() : [],
      campaignDeliveriesByStatus(),
      rollupFreshness(),
    ]);
    return {
      takenAt: new Date(now).toISOString(),
      executor: env.executor,
      queue,
      runs,
      campaignDeliveries,
      rollups,
      failingProviders: failingProviders(now),
    };
  })();
  // A failed read is not cached: the next scrape tries again.
  value.catch(() => {
    if (holder[KEY]?.value === value) holder[KEY] = undefined;
  });
  holder[KEY] = { at: now, value };
  return value;
}
