import type { Executor } from "@/db";
import { recomputePinpointHistoryDays } from "@/db/queries/pinpoint-history";
import type { TIngestStatus } from "@/lib/ingest/ingest";
import type { TOperation } from "@/lib/ingest/normalize";
import { PINPOINT_HISTORY_KINDS } from "./engagement-metrics";

/**
 * After an import batch stored its events (in the batch's transaction): the overview's imported
 * history is counted again for the days the batch's new engagement events fall on. Repeats
 * (already stored) touch nothing; a day is recounted from the stored events, never incremented,
 * so nothing is counted twice.
 */
export async function recountHistoryDays(
  workspaceId: string,
  ops: TOperation[],
  statuses: TIngestStatus[],
  tx: Executor,
) {
  const times = ops.flatMap((o, i) =>
    statuses[i] === "accepted" &&
    o.kind === "event" &&
    typeof o.properties.pinpointEventType === "string"
      ? [o.occurredAt]
      : [],
  );
  return recomputePinpointHistoryDays(workspaceId, times, PINPOINT_HISTORY_KINDS, tx);
}
