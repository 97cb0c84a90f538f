import { listRunningJourneyPlans } from "@/db/queries/journeys";
import type { TPlan } from "@/lib/journeys/compile/compile-journey";

type TRunning = {
  id: string;
  name: string;
  status: "live" | "paused";
  version: number;
  plan: TPlan;
};
type TEntry = { at: number; journeys: TRunning[] };

const TTL_MS = 2_000;
const KEY = Symbol.for("waymark.running-journeys");
// Every ingested event asks "which journeys care?": a short cache keeps that off the database.
const cache: Map<string, TEntry> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<
  string,
  TEntry
>()) as Map<string, TEntry>;

export async function runningJourneys(workspaceId: string): Promise<TRunning[]> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.journeys;
  const journeys = (await listRunningJourneyPlans(workspaceId)) as TRunning[];
  cache.set(workspaceId, { at: Date.now(), journeys });
  return journeys;
}

/** After a publish or a status change in this process, the next event sees it at once. */
export function forgetRunningJourneys(workspaceId: string) {
  cache.delete(workspaceId);
}

/** Event names a running journey waits for (wait-for-event nodes, goals): only these go to the executor. */
export function awaitedEventNames(journeys: TRunning[]): Set<string> {
  const names = new Set<string>();
  for (const j of journeys) {
    if (j.plan.settings.goal) names.add(j.plan.settings.goal.event);
    for (const step of Object.values(j.plan.steps))
      if (step.kind === "wait_for_event") names.add(step.config.event);
  }
  return names;
}
