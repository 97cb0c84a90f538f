import { listRunningJourneyPlans } from "@/db/queries/journeys";
import { ZPlan, type TPlan } from "@/lib/journeys/compile/compile-journey";
import { log } from "@/lib/log/logger";

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
  const journeys = readablePlans(await listRunningJourneyPlans(workspaceId));
  cache.set(workspaceId, { at: Date.now(), journeys });
  return journeys;
}

/**
 * Plans are written by the compiler, but a row edited by hand or left by an older release must not
 * stop every other journey's triggers: one that does not parse is logged and left out.
 */
function readablePlans(rows: Awaited<ReturnType<typeof listRunningJourneyPlans>>): TRunning[] {
  const out: TRunning[] = [];
  for (const row of rows) {
    const plan = ZPlan.safeParse(row.plan);
    // The query asks only for live and paused journeys.
    if (plan.success)
      out.push({ ...row, status: row.status as TRunning["status"], plan: plan.data });
    else
      log.error("a running journey's plan cannot be read; its triggers are ignored", {
        journeyId: row.id,
        version: row.version,
        issue: plan.error.issues[0]?.message,
      });
  }
  return out;
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
