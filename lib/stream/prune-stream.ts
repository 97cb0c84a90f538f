import { pruneStreamEventsAnyWorkspace } from "@/db/queries/stream-events";
import { pruneStreamExportChunksAnyWorkspace } from "@/db/queries/stream-exports";
import { env } from "@/lib/env";

const CHUNK = 5000;

/**
 * Retention of the stream (WAYMARK_STREAM_RETENTION_DAYS): events leave the outbox and export
 * files the database after that many days, a chunk at a time. A destination paused or failing for
 * longer misses what was pruned (a failing one has dead-lettered it after the retry window).
 */
export async function pruneStream(now = new Date()) {
  const before = new Date(now.getTime() - env.WAYMARK_STREAM_RETENTION_DAYS * 86_400_000);
  const events = await pruneStreamEventsAnyWorkspace(before, CHUNK);
  const chunks = await pruneStreamExportChunksAnyWorkspace(before, CHUNK);
  return { events, chunks, more: events === CHUNK || chunks === CHUNK };
}
