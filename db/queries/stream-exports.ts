import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { streamExportChunks } from "@/db/schema";

/**
 * Writes one gzip member of an export file. Keyed by the first event it holds: the same batch
 * written again (a worker died before moving the cursor) replaces its copy instead of doubling it.
 */
export async function upsertStreamExportChunk(
  row: {
    workspaceId: string;
    destinationId: string;
    periodStart: Date;
    firstEventId: number;
    eventCount: number;
    gz: Uint8Array;
  },
  ex: Executor = db(),
) {
  await ex
    .insert(streamExportChunks)
    .values(row)
    .onConflictDoUpdate({
      target: [
        streamExportChunks.destinationId,
        streamExportChunks.periodStart,
        streamExportChunks.firstEventId,
      ],
      set: { eventCount: row.eventCount, gz: row.gz, createdAt: new Date() },
    });
}

export type TStreamExportFile = {
  destinationId: string;
  periodStart: Date;
  eventCount: number;
  bytes: number;
  updatedAt: Date;
};

/** The files of a workspace's exports (one per destination and period), newest first. */
export async function listStreamExportFiles(
  workspaceId: string,
  filter: { destinationId?: string; since?: Date; limit: number },
  ex: Executor = db(),
): Promise<TStreamExportFile[]> {
  const rows = await executeRows<{
    destination_id: string;
    period_start: string | Date;
    events: string | number;
    bytes: string | number;
    updated_at: string | Date;
  }>(
    sql`select destination_id, period_start, sum(event_count) as events,
          sum(octet_length(gz)) as bytes, max(created_at) as updated_at
        from stream_export_chunks
        where workspace_id = ${workspaceId}
          and (${filter.destinationId ?? null}::uuid is null or destination_id = ${filter.destinationId ?? null}::uuid)
          and (${filter.since?.toISOString() ?? null}::timestamptz is null or period_start >= ${filter.since?.toISOString() ?? null}::timestamptz)
        group by destination_id, period_start
        order by period_start desc, destination_id
        limit ${filter.limit}`,
    ex,
  );
  return rows.map((r) => ({
    destinationId: r.destination_id,
    periodStart: new Date(r.period_start),
    eventCount: Number(r.events),
    bytes: Number(r.bytes),
    updatedAt: new Date(r.updated_at),
  }));
}

/** One file's gzip members in order; concatenated they are the file. */
export async function readStreamExportChunks(
  workspaceId: string,
  destinationId: string,
  periodStart: Date,
  ex: Executor = db(),
) {
  const rows = await ex
    .select({ gz: streamExportChunks.gz })
    .from(streamExportChunks)
    .where(
      and(
        eq(streamExportChunks.workspaceId, workspaceId),
        eq(streamExportChunks.destinationId, destinationId),
        eq(streamExportChunks.periodStart, periodStart),
      ),
    )
    .orderBy(asc(streamExportChunks.firstEventId));
  return rows.map((r) => r.gz);
}

/** Retention of export files, across workspaces: a chunk of members older than `before`. */
export async function pruneStreamExportChunksAnyWorkspace(before: Date, limit: number, ex = db()) {
  const rows = await executeRows<{ id: number }>(
    sql`delete from stream_export_chunks where id in (
          select id from stream_export_chunks where period_start < ${before.toISOString()}::timestamptz
          limit ${limit})
        returning id`,
    ex,
  );
  return rows.length;
}
