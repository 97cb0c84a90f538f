import type { TStreamEvent } from "../stream-event";

/**
 * A place events go. The pipeline (lib/stream/deliver-stream.ts) reads batches in stream order,
 * formats them and hands each to `deliver`; it owns the cursor, retries, backoff and dead letters,
 * so a new kind (S3-compatible, Kinesis-compatible) is one more implementation of this and one
 * entry in destination-kinds.ts, and never touches the pipeline. A batch may come again after a
 * crash or a failure (at least once): the events' ids are the same, so receivers de-duplicate.
 */
export type TStreamBatch = {
  workspaceId: string;
  destinationId: string;
  /** The events, in the workspace's canonical shape (kept as is in dead letters). */
  events: TStreamEvent[];
  /** The same events in the destination's format (waymark or pinpoint). */
  records: Record<string, unknown>[];
  /** 1 for a first try, then 2, 3… */
  attempt: number;
};

export type TDeliveryOutcome =
  { ok: true } | { ok: false; error: string; retryAfterSeconds?: number };

export interface StreamDestination {
  deliver(batch: TStreamBatch): Promise<TDeliveryOutcome>;
}
