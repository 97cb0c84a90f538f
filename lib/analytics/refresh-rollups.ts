import { db } from "@/db";
import { listSegmentRefs } from "@/db/queries/segments";
import {
  listZonesAnyWorkspace,
  lockRefreshState,
  markMessageDaysAnyWorkspace,
  recomputeAllMessageDaysAnyWorkspace,
  recomputeJourneyDaysAnyWorkspace,
  recomputeMessageDaysAnyWorkspace,
  saveRefreshState,
  segmentSnapshotTakenAt,
  settledMaxEventId,
  truncateMessageRollupAnyWorkspace,
  upsertSegmentSnapshots,
} from "@/db/queries/analytics-rollups";
import { rebuildPinpointHistoryAnyWorkspace } from "@/db/queries/pinpoint-history";
import { PINPOINT_HISTORY_KINDS } from "@/lib/pinpoint/events/engagement-metrics";
import { segmentSizes } from "@/lib/segments/segment-sizes";
import { todayIn } from "./date-range";

/** Journey entries change in place (exit, conversion) and stamp now(): recompute this many days back plus today. */
export const JOURNEY_TRAILING_DAYS = 2;
/** A segment's size is snapshotted at most this often (the day's row is replaced). */
const SNAPSHOT_EVERY_MS = 60 * 60_000;

const SOURCE = "message_events";

// ROLLUP_DEBUG=1 prints how long each part of a refresh took.
async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  if (!process.env.ROLLUP_DEBUG) return f();
  const t0 = performance.now();
  const r = await f();
  console.info(`[rollups] ${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return r;
}

export type TRefreshResult = {
  messageDays: number;
  scannedFromId: number;
  maxId: number;
  full: boolean;
  segmentsSnapshotted: number;
};

/**
 * Brings the rollups up to date in one transaction (concurrent refreshes wait on the state row).
 * Message rollups: every (workspace, day) touched by a message with an event between the last
 * settled id and the one settled now is deleted and recomputed from the raw rows, so a late event
 * for an old message moves it to the right day, and rows that commit out of id order are never
 * skipped (see settledMaxEventId). Journey rollups: the trailing days are recomputed.
 * `full` rebuilds everything (after a restore, or to check the incremental path); so does the
 * first refresh ever.
 */
export async function refreshRollups(
  opts: { full?: boolean; now?: Date } = {},
): Promise<TRefreshResult> {
  const now = opts.now ?? new Date();
  const upTo = await settledMaxEventId();
  const result = await db().transaction(async (tx) => {
    const state = await lockRefreshState(SOURCE, tx);
    // The first refresh (the rollups are new, the raw rows may be years old) builds everything.
    const full = opts.full || state.neverRefreshed;
    let messageDays = 0;
    if (full) {
      await truncateMessageRollupAnyWorkspace(tx);
      await timed("rebuild all message days", () => recomputeAllMessageDaysAnyWorkspace(tx));
    } else if (upTo > state.safeId) {
      messageDays = await timed("mark touched days", () =>
        markMessageDaysAnyWorkspace({ after: state.safeId, upTo }, tx),
      );
      if (messageDays)
        await timed(`recompute ${messageDays} message days`, () =>
          recomputeMessageDaysAnyWorkspace(tx),
        );
    }
    // The imported Pinpoint history is recounted by its import batches; rebuilt with the rest.
    if (full)
      await timed("rebuild imported history", () =>
        rebuildPinpointHistoryAnyWorkspace(PINPOINT_HISTORY_KINDS, tx),
      );
    await timed("journey days", () =>
      recomputeJourneyDaysAnyWorkspace(full ? null : JOURNEY_TRAILING_DAYS, now, tx),
    );
    // Never backwards: a concurrent refresh may have settled further while this one waited.
    await saveRefreshState(SOURCE, Math.max(state.safeId, upTo), tx);
    return { messageDays, scannedFromId: full ? 0 : state.safeId, maxId: upTo, full };
  });
  const segmentsSnapshotted = await snapshotSegmentSizes({ now, force: opts.full });
  return { ...result, segmentsSnapshotted };
}

/** Today's size of every segment of every workspace, unless taken within the hour. */
export async function snapshotSegmentSizes(
  opts: { now?: Date; force?: boolean; workspaceId?: string } = {},
) {
  const now = opts.now ?? new Date();
  let n = 0;
  for (const ws of await listZonesAnyWorkspace(db())) {
    if (opts.workspaceId && ws.id !== opts.workspaceId) continue;
    const day = todayIn(ws.timezone, now);
    const taken = await segmentSnapshotTakenAt(ws.id, day, db());
    if (!opts.force && taken && now.getTime() - taken.getTime() < SNAPSHOT_EVERY_MS) continue;
    const refs = await listSegmentRefs(ws.id);
    if (!refs.length) continue;
    const sizes = await segmentSizes(ws.id, refs, now);
    const rows = refs.flatMap((s) => {
      const size = sizes.get(s.id);
      return typeof size === "number" ? [{ segmentId: s.id, size }] : [];
    });
    await upsertSegmentSnapshots(ws.id, day, rows, db());
    n += rows.length;
  }
  return n;
}
