import { db } from "@/db";
import { listSegmentRefs } from "@/db/queries/segments";
import {
  listWorkspaceZones,
  lockRefreshState,
  markMessageDays,
  maxMessageEventId,
  recomputeJourneyDays,
  recomputeMessageDays,
  saveRefreshState,
  segmentSnapshotTakenAt,
  truncateMessageRollup,
  upsertSegmentSnapshots,
} from "@/db/queries/analytics-rollups";
import { segmentSizes } from "@/lib/segments/segment-sizes";
import { todayIn } from "./date-range";

/**
 * How long a message event's transaction may take between drawing its id and committing. Event ids
 * come from a sequence, so a slow transaction can commit an id *below* one an earlier refresh already
 * read. Each refresh therefore rescans every id above the highest one read at least this long ago;
 * rescanning is harmless because buckets are recomputed, not incremented.
 */
export const COMMIT_LAG_MS = 5 * 60_000;
/** Journey entries change in place (exit, conversion) and stamp now(): recompute this many days back plus today. */
export const JOURNEY_TRAILING_DAYS = 2;
/** A segment's size is snapshotted at most this often (the day's row is replaced). */
const SNAPSHOT_EVERY_MS = 60 * 60_000;

const SOURCE = "message_events";

export type TRefreshResult = { messageDays: number; scannedFromId: number; maxId: number; full: boolean; segmentsSnapshotted: number };

/**
 * Brings the rollups up to date in one transaction (concurrent refreshes wait on the state row).
 * Message rollups: every (workspace, day) touched by a message with an event above the safe id is
 * deleted and recomputed from the raw rows. Journey rollups: the trailing days are recomputed.
 * `full` rebuilds everything (after a restore, or to check the incremental path); so does the
 * first refresh ever.
 */
export async function refreshRollups(opts: { full?: boolean; now?: Date } = {}): Promise<TRefreshResult> {
  const now = opts.now ?? new Date();
  const result = await db().transaction(async (tx) => {
    const state = await lockRefreshState(tx, SOURCE);
    // The first refresh (the rollups are new, the raw rows may be years old) builds everything.
    const full = opts.full || state.neverRefreshed;
    const maxId = await maxMessageEventId(tx);
    let messageDays: number;
    if (full) {
      await truncateMessageRollup(tx);
      messageDays = await markMessageDays(tx, null);
    } else {
      messageDays = maxId > state.safeId ? await markMessageDays(tx, state.safeId) : 0;
    }
    if (messageDays) await recomputeMessageDays(tx);
    await recomputeJourneyDays(tx, full ? null : JOURNEY_TRAILING_DAYS, now);

    const recent = [...state.recent, { at: now.getTime(), maxId }];
    const settled = recent.filter((r) => now.getTime() - r.at >= COMMIT_LAG_MS);
    const safeId = Math.max(state.safeId, ...settled.map((r) => r.maxId));
    await saveRefreshState(tx, SOURCE, { safeId, recent: recent.filter((r) => now.getTime() - r.at < COMMIT_LAG_MS) });
    return { messageDays, scannedFromId: full ? 0 : state.safeId, maxId, full };
  });
  const segmentsSnapshotted = await snapshotSegmentSizes({ now, force: opts.full });
  return { ...result, segmentsSnapshotted };
}

/** Today's size of every segment of every workspace, unless taken within the hour. */
export async function snapshotSegmentSizes(opts: { now?: Date; force?: boolean; workspaceId?: string } = {}) {
  const now = opts.now ?? new Date();
  let n = 0;
  for (const ws of await listWorkspaceZones(db())) {
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
    await upsertSegmentSnapshots(db(), ws.id, day, rows);
    n += rows.length;
  }
  return n;
}
