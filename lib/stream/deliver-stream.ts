import {
  advanceStreamCursor,
  claimDueStreamDestinationAnyWorkspace,
  deadLetterStreamBatch,
  recordStreamFailure,
  releaseStreamDestination,
  renewStreamLease,
  type TStreamDestinationRow,
} from "@/db/queries/stream-destinations";
import { readStreamEventsAfter } from "@/db/queries/stream-events";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { randomToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { nextAttemptDelayMs, retryWindowOver, type TRetryPolicy } from "./backoff";
import type { StreamDestination } from "./destinations/destination";
import { batchSizeOf, openStreamDestination } from "./destinations/destination-kinds";
import { formatStreamEvent, ZStreamFormat } from "./envelopes";
import { toStreamEvent } from "./stream-event";

export type TDeliverOptions = {
  /** Stop taking new batches after this long (a step's share of work). */
  budgetMs: number;
  /** Only this destination (tests, "deliver now"). */
  only?: string | null;
  /** How long a worker holds a destination before another may take it (a crashed worker's lease runs out). */
  leaseMs?: number;
  retry?: TRetryPolicy;
  /** Opens a destination from its row; tests may wrap it. */
  open?: (row: TStreamDestinationRow) => StreamDestination;
};

export type TDeliverReport = {
  destinations: number;
  delivered: number;
  failed: number;
  deadLettered: number;
};

export const DEFAULT_LEASE_MS = 60_000;

export function defaultRetryPolicy(): TRetryPolicy {
  return {
    baseMs: 10_000,
    maxMs: 3_600_000,
    windowMs: env.WAYMARK_STREAM_RETRY_WINDOW_SECONDS * 1000,
  };
}

/**
 * Delivers what is due, destination by destination, until the budget is spent or nothing is
 * due. Each destination is leased to one worker, so its batches go out one at a time, in order;
 * the cursor moves only after a batch went through (or was dead-lettered), so a worker killed
 * mid-batch leaves the batch to be sent again by the next one, with the same event ids.
 */
export async function deliverDueStreams(opts: TDeliverOptions): Promise<TDeliverReport> {
  const started = Date.now();
  const report: TDeliverReport = { destinations: 0, delivered: 0, failed: 0, deadLettered: 0 };
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const seen = new Set<string>();
  while (Date.now() - started < opts.budgetMs) {
    const token = randomToken(12);
    const row = await claimDueStreamDestinationAnyWorkspace(token, leaseMs, opts.only ?? null);
    if (!row) break;
    if (seen.has(row.id)) {
      // Caught up earlier in this run: give it back and stop (nothing else is due before it).
      await releaseStreamDestination(row.workspaceId, row.id, token);
      break;
    }
    seen.add(row.id);
    report.destinations++;
    try {
      await drainDestination(row, token, leaseMs, started, opts, report);
    } finally {
      await releaseStreamDestination(row.workspaceId, row.id, token);
    }
  }
  return report;
}

async function drainDestination(
  row: TStreamDestinationRow,
  token: string,
  leaseMs: number,
  started: number,
  opts: TDeliverOptions,
  report: TDeliverReport,
) {
  const retry = opts.retry ?? defaultRetryPolicy();
  const destination = (opts.open ?? ((r) => openStreamDestination(r)))(row);
  const format = ZStreamFormat.catch("waymark").parse(row.format);
  const workspace = await findWorkspaceById(row.workspaceId);
  const ctx = { applicationId: workspace?.pinpointApplicationId ?? row.workspaceId };
  const size = batchSizeOf(row);
  let cursor = { txid: row.cursorTxid, id: row.cursorId };
  let attempts = row.attempts;
  let failingSince = row.failingSince;
  while (Date.now() - started < opts.budgetMs) {
    const records = await readStreamEventsAfter(row.workspaceId, cursor, size);
    const last = records[records.length - 1];
    if (!last) return;
    const events = records.map((r) => toStreamEvent(row.workspaceId, r));
    const outcome = await destination
      .deliver({
        workspaceId: row.workspaceId,
        destinationId: row.id,
        events,
        records: events.map((e) => formatStreamEvent(format, e, ctx)),
        attempt: attempts + 1,
      })
      .catch((err: unknown) => ({
        ok: false as const,
        error: err instanceof Error ? err.message : String(err),
        retryAfterSeconds: undefined,
      }));
    const to = { txid: last.txid, id: last.id };
    const now = new Date();
    if (outcome.ok) {
      if (!(await advanceStreamCursor(row.workspaceId, row.id, token, to, events.length))) return;
      report.delivered += events.length;
      cursor = to;
      attempts = 0;
      failingSince = null;
    } else {
      attempts++;
      failingSince ??= now;
      report.failed++;
      if (retryWindowOver(failingSince, now, retry)) {
        const moved = await deadLetterStreamBatch(row.workspaceId, row.id, token, {
          events,
          attempts,
          error: outcome.error,
          firstFailedAt: failingSince,
          to,
        });
        if (!moved) return;
        report.deadLettered += events.length;
        cursor = to;
        attempts = 0;
        failingSince = null;
        continue;
      }
      const delay = nextAttemptDelayMs(attempts, retry, outcome.retryAfterSeconds);
      await recordStreamFailure(row.workspaceId, row.id, token, {
        error: outcome.error,
        attempts,
        failingSince,
        nextAttemptAt: new Date(now.getTime() + delay),
      });
      return;
    }
    if (!(await renewStreamLease(row.workspaceId, row.id, token, leaseMs))) return;
  }
}
