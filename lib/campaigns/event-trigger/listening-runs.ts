import { listListeningRuns } from "@/db/queries/campaign-triggered";
import type { TCampaignRun } from "@/db/schema";

type TEntry = { at: number; runs: TCampaignRun[] };

const TTL_MS = 2_000;
const KEY = Symbol.for("waymark.listening-campaign-runs");
// Every ingested batch asks "which event-triggered campaigns care?": a short cache keeps that off
// the database. The insert checks the run is still sending, so a stale entry never sends after a
// pause or a cancel.
const cache: Map<string, TEntry> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<
  string,
  TEntry
>()) as Map<string, TEntry>;

/** The workspace's open runs of event-triggered campaigns. */
export async function listeningRuns(workspaceId: string): Promise<TCampaignRun[]> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.runs;
  const runs = await listListeningRuns(workspaceId);
  cache.set(workspaceId, { at: Date.now(), runs });
  return runs;
}

/** After a launch in this process, the next event sees the campaign at once. */
export function forgetListeningRuns(workspaceId: string) {
  cache.delete(workspaceId);
}
