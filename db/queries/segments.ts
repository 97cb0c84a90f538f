import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { env } from "@/lib/env";
import { executeRows } from "@/db/execute-rows";
import { contacts, segmentMembers, segments, users, type TSegment } from "@/db/schema";

/** Segment conditions are compiled over `contacts c` (lib/segments/segment-to-sql.ts). */
const c = alias(contacts, "c");

export async function listSegments(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: segments.id,
      name: segments.name,
      description: segments.description,
      type: segments.type,
      definition: segments.definition,
      updatedAt: segments.updatedAt,
      createdByName: users.name,
    })
    .from(segments)
    .leftJoin(users, eq(users.id, segments.createdBy))
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(desc(segments.updatedAt), asc(segments.name));
}

/** id, type and definition of every segment, for resolving `segment` conditions. */
export async function listSegmentRefs(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: segments.id,
      name: segments.name,
      type: segments.type,
      definition: segments.definition,
    })
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId));
}

export async function findSegment(
  workspaceId: string,
  segmentId: string,
  ex: Executor = db(),
): Promise<TSegment | null> {
  const [row] = await ex
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)))
    .limit(1);
  return row ?? null;
}

/**
 * The segment, row-locked until the transaction ends: deleting takes it FOR UPDATE, saving a
 * segment that refers to it takes it FOR SHARE, so a delete and a new reference cannot cross.
 */
export async function lockSegment(
  workspaceId: string,
  segmentId: string,
  tx: Executor,
): Promise<TSegment | null> {
  const [row] = await tx
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)))
    .for("update");
  return row ?? null;
}

/** Share-locks the workspace's segments among `ids` until the transaction ends; returns the ids still there. */
export async function lockSegmentsShared(
  workspaceId: string,
  ids: string[],
  tx: Executor,
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: segments.id })
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), inArray(segments.id, ids)))
    .orderBy(asc(segments.id))
    .for("share");
  return rows.map((r) => r.id);
}

/**
 * Takes, until the transaction ends, the workspace's turn for edits that make a segment refer to
 * others. Two such edits at once could each pass the cycle check on what the other has not yet
 * committed (A uses B while B is changed to use A, or through segments neither locks), and with
 * each holding a share lock on the row the other updates they deadlock; in turn, the second sees
 * the first. Saves are rare, so one lock per workspace costs nothing that matters.
 */
export async function lockSegmentReferences(workspaceId: string, tx: Executor) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`segment-references:${workspaceId}`}, 0))`,
  );
}

export async function segmentNameTaken(
  workspaceId: string,
  name: string,
  exceptId?: string,
  ex: Executor = db(),
) {
  const [row] = await ex
    .select({ id: segments.id })
    .from(segments)
    .where(
      and(
        eq(segments.workspaceId, workspaceId),
        eq(segments.name, name),
        ...(exceptId ? [ne(segments.id, exceptId)] : []),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function insertSegment(values: typeof segments.$inferInsert, ex: Executor = db()) {
  const [row] = await ex.insert(segments).values(values).returning();
  return row!;
}

export async function updateSegment(
  workspaceId: string,
  segmentId: string,
  patch: Partial<Pick<TSegment, "name" | "description" | "definition">>,
  now: Date,
  ex: Executor = db(),
) {
  const [row] = await ex
    .update(segments)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)))
    .returning();
  return row ?? null;
}

export async function deleteSegment(workspaceId: string, segmentId: string, ex: Executor = db()) {
  const rows = await ex
    .delete(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)))
    .returning({ id: segments.id });
  return rows.length === 1;
}

/**
 * Settings for the transaction of a query over a whole workspace's contacts (bench/segment-counts.ts
 * runs its hand-written SQL under the same). At a million contacts:
 * - the plans cost enough to pass PostgreSQL's JIT thresholds, and compiling them took 0.2–1.5 s,
 *   longer than running them;
 * - the contact ids they sort and hash (a few hundred thousand) spill to disk at the default 4 MB;
 * - in a parallel plan the set an event condition selects sits under a hash that is not shared,
 *   so every worker computes the whole set again: three times the work for the same answer, which
 *   on a busy server (or two cores) made counts slower, not faster (docs/benchmarks.md).
 */
export const SEGMENT_QUERY_SETTINGS = [
  "set local jit = off",
  "set local work_mem = '64MB'",
  "set local max_parallel_workers_per_gather = 0",
];

/**
 * Counts and previews someone waits on get a shorter statement limit than the pool's: a costly
 * definition typed into the editor gives up (503) instead of holding a connection for a minute.
 * Campaign snapshots use SEGMENT_QUERY_SETTINGS alone, under the pool's limit.
 */
export function previewQuerySettings(): string[] {
  const ms = Math.floor(env.WAYMARK_DB_PREVIEW_TIMEOUT_MS);
  return [...SEGMENT_QUERY_SETTINGS, `set local statement_timeout = ${ms}`];
}

/** `f` in a transaction (a savepoint inside one) under the preview settings. */
async function withSegmentQuerySettings<T>(
  f: (tx: Executor) => Promise<T>,
  ex: Executor,
): Promise<T> {
  return ex.transaction(async (tx) => {
    for (const s of previewQuerySettings()) await tx.execute(sql.raw(s));
    return f(tx);
  });
}

/** Runs a segment's count query (`compileSegmentCount`) under the segment query settings. */
export async function runSegmentCount(query: SQL, ex: Executor = db()): Promise<number> {
  const [row] = await withSegmentQuerySettings((tx) => executeRows<{ n: number }>(query, tx), ex);
  return Number(row?.n ?? 0);
}

/** Contacts of the workspace matching a compiled segment condition. */
export async function countMatchingContacts(
  workspaceId: string,
  condition: SQL,
  ex: Executor = db(),
) {
  const [row] = await withSegmentQuerySettings(
    (tx) =>
      tx
        .select({ n: count() })
        .from(c)
        .where(and(eq(c.workspaceId, workspaceId), condition)),
    ex,
  );
  return row?.n ?? 0;
}

export async function sampleMatchingContacts(
  workspaceId: string,
  condition: SQL,
  limit: number,
  ex: Executor = db(),
) {
  return withSegmentQuerySettings(
    (tx) =>
      tx
        .select({
          id: c.id,
          userId: c.externalId,
          email: c.email,
          country: c.country,
          attributes: c.attributes,
        })
        .from(c)
        .where(and(eq(c.workspaceId, workspaceId), condition))
        .orderBy(asc(c.createdAt), asc(c.id))
        .limit(limit),
    ex,
  );
}

/** Freezes the contacts matching `condition` into a static segment's members. */
export async function insertMatchingMembers(
  workspaceId: string,
  segmentId: string,
  condition: SQL,
  ex: Executor = db(),
) {
  await ex.execute(sql`insert into segment_members (segment_id, contact_id)
    select ${segmentId}::uuid, c.id from contacts c where c.workspace_id = ${workspaceId} and ${condition}
    on conflict do nothing`);
}

export async function insertMembers(segmentId: string, contactIds: string[], ex: Executor = db()) {
  for (let i = 0; i < contactIds.length; i += 5000) {
    const chunk = contactIds.slice(i, i + 5000);
    if (chunk.length)
      await ex
        .insert(segmentMembers)
        .values(chunk.map((contactId) => ({ segmentId, contactId })))
        .onConflictDoNothing();
  }
}

/** Copies a static segment's members; both segments are checked to belong to the workspace. */
export async function copyMembers(
  workspaceId: string,
  fromId: string,
  toId: string,
  ex: Executor = db(),
) {
  await ex.execute(sql`insert into segment_members (segment_id, contact_id)
    select t.id, sm.contact_id from segment_members sm
    join segments f on f.id = sm.segment_id and f.workspace_id = ${workspaceId}
    join segments t on t.id = ${toId}::uuid and t.workspace_id = ${workspaceId}
    where sm.segment_id = ${fromId}::uuid`);
}

/** Member counts of the workspace's static segments. */
export async function staticMemberCounts(workspaceId: string, ex: Executor = db()) {
  const rows = await ex
    .select({ segmentId: segmentMembers.segmentId, n: count() })
    .from(segmentMembers)
    .innerJoin(segments, eq(segments.id, segmentMembers.segmentId))
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.type, "static")))
    .groupBy(segmentMembers.segmentId);
  return new Map(rows.map((r) => [r.segmentId, r.n]));
}

export async function sampleStaticMembers(
  workspaceId: string,
  segmentId: string,
  limit: number,
  ex: Executor = db(),
) {
  return ex
    .select({
      id: c.id,
      userId: c.externalId,
      email: c.email,
      country: c.country,
      attributes: c.attributes,
    })
    .from(segmentMembers)
    .innerJoin(c, eq(c.id, segmentMembers.contactId))
    .where(and(eq(c.workspaceId, workspaceId), eq(segmentMembers.segmentId, segmentId)))
    .orderBy(asc(c.createdAt), asc(c.id))
    .limit(limit);
}

/** Contact ids for the customer's user ids, within the workspace. */
export async function findContactIdsByUserIds(
  workspaceId: string,
  userIds: string[],
  ex: Executor = db(),
) {
  const found = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 5000) {
    const chunk = userIds.slice(i, i + 5000);
    if (!chunk.length) continue;
    const rows = await ex
      .select({ id: contacts.id, userId: contacts.externalId })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.externalId, chunk)));
    for (const r of rows) if (r.userId) found.set(r.userId, r.id);
  }
  return found;
}

/** Whether one contact matches a compiled condition (journey branches on segment membership). */
export async function contactMatches(
  workspaceId: string,
  contactId: string,
  condition: SQL,
  ex: Executor = db(),
) {
  const [row] = await ex
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.id, contactId), condition))
    .limit(1);
  return Boolean(row);
}

export async function isStaticMember(segmentId: string, contactId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ id: segmentMembers.contactId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.segmentId, segmentId), eq(segmentMembers.contactId, contactId)))
    .limit(1);
  return Boolean(row);
}
