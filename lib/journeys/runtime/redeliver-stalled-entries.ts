import { listStalledEntriesAnyWorkspace } from "@/db/queries/stalled-entries";
import { emitJourneyEvents } from "./journey-events";

const GRACE_MS = 2 * 60_000;
const HORIZON_MS = 23 * 3600_000;

/**
 * Entries are committed before their start event is sent, so a crash or an unreachable executor in
 * between leaves an entry no run will ever pick up. This hands their start events over again, under
 * the same event ids (`entry-<id>`): an executor that already has the run drops the repeat.
 */
export async function redeliverStalledEntries(now = new Date(), limit = 500): Promise<number> {
  const stalled = await listStalledEntriesAnyWorkspace({
    olderThan: new Date(now.getTime() - GRACE_MS),
    newerThan: new Date(now.getTime() - HORIZON_MS),
    limit,
  });
  if (!stalled.length) return 0;
  const ok = await emitJourneyEvents(
    stalled.map((e) => ({
      kind: "entered",
      journeyId: e.journey_id,
      version: e.version,
      contactId: e.contact_id,
      entryId: e.id,
    })),
  );
  return ok ? stalled.length : 0;
}
