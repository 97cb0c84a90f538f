import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import {
  journeySegmentMembers as m,
  journeyTriggerState,
  journeyEntries,
  journeys,
  journeyVersions,
  workspaces,
} from "@/db/schema";

/**
 * Segment conditions are compiled over `contacts c` (lib/segments/segment-to-sql.ts); each statement
 * here is one round trip whatever the segment's size, so a sweep of a million members stays in SQL.
 */

/** How many rows a writing statement with `returning 1` touched, without shipping them back. */
async function countOf(statement: SQL, ex: Executor): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    sql`with w as (${statement}) select count(*)::int as n from w`,
    ex,
  );
  return Number(row?.n ?? 0);
}

/** Live and paused journeys, across workspaces (or just `journeyId`), whose trigger is a segment or a date attribute. */
export async function listScheduledTriggerJourneysAnyWorkspace(
  journeyId?: string,
  ex: Executor = db(),
) {
  return ex
    .select({
      id: journeys.id,
      workspaceId: journeys.workspaceId,
      name: journeys.name,
      status: journeys.status,
      version: journeys.liveVersion,
      plan: journeyVersions.plan,
      workspaceTimezone: workspaces.timezone,
    })
    .from(journeys)
    .innerJoin(
      journeyVersions,
      and(
        eq(journeyVersions.journeyId, journeys.id),
        eq(journeyVersions.version, journeys.liveVersion),
      ),
    )
    .innerJoin(workspaces, eq(workspaces.id, journeys.workspaceId))
    .where(
      and(
        journeyId ? eq(journeys.id, journeyId) : undefined,
        sql`${journeys.status} in ('live', 'paused')`,
        sql`${journeyVersions.plan} -> 'trigger' ->> 'kind' in ('segment_entered', 'date_attribute')`,
      ),
    );
}

/** Locks the journey's trigger state for this transaction (creating it), so sweeps of one journey take turns. */
export async function lockTriggerState(workspaceId: string, journeyId: string, ex: Executor) {
  await ex.insert(journeyTriggerState).values({ journeyId, workspaceId }).onConflictDoNothing();
  const [row] = await ex
    .select()
    .from(journeyTriggerState)
    .where(eq(journeyTriggerState.journeyId, journeyId))
    .for("update");
  return row!;
}

export async function findTriggerState(journeyId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(journeyTriggerState)
    .where(eq(journeyTriggerState.journeyId, journeyId));
  return row ?? null;
}

export async function markTriggerState(
  journeyId: string,
  patch: { segmentId?: string | null; baselinedAt?: Date; sweptAt?: Date },
  ex: Executor,
) {
  await ex
    .update(journeyTriggerState)
    .set(patch)
    .where(eq(journeyTriggerState.journeyId, journeyId));
}

/**
 * Starts tracking a segment afresh: the members now are recorded as inside, entering (pending)
 * only when contacts already in the segment are meant to enter.
 */
export async function baselineSegmentMembers(
  input: { workspaceId: string; journeyId: string; inSegment: SQL; enterExisting: boolean },
  ex: Executor,
) {
  const { workspaceId, journeyId, inSegment, enterExisting } = input;
  await ex.delete(m).where(eq(m.journeyId, journeyId));
  return countOf(
    sql`insert into journey_segment_members (journey_id, contact_id, workspace_id, in_segment, transitions, pending)
    select ${journeyId}::uuid, c.id, ${workspaceId}::uuid, true, ${enterExisting ? 1 : 0}, ${enterExisting}
    from contacts c where c.workspace_id = ${workspaceId} and ${inSegment}
    returning 1`,
    ex,
  );
}

/**
 * Compares the segment with what was recorded, for every contact or only `contactIds`: contacts
 * that came in get a new transition (pending when `enter`, i.e. the journey is live), contacts that
 * left are marked out. Row locks make each out → in transition count once across processes.
 */
export async function recordSegmentTransitions(
  input: {
    workspaceId: string;
    journeyId: string;
    inSegment: SQL;
    enter: boolean;
    contactIds?: string[];
  },
  ex: Executor,
) {
  const { workspaceId, journeyId, inSegment, enter, contactIds } = input;
  const onlyC = contactIds ? sql`and c.id = any(${sql.param(contactIds)}::uuid[])` : sql``;
  const onlyM = contactIds ? sql`and m.contact_id = any(${sql.param(contactIds)}::uuid[])` : sql``;
  const came = await countOf(
    sql`insert into journey_segment_members as m (journey_id, contact_id, workspace_id, in_segment, transitions, pending)
    select ${journeyId}::uuid, c.id, ${workspaceId}::uuid, true, 1, ${enter}
    from contacts c where c.workspace_id = ${workspaceId} ${onlyC} and ${inSegment}
      -- Members already recorded inside are skipped here rather than by the conflict clause, which would lock each of them.
      and not exists (select 1 from journey_segment_members k where k.journey_id = ${journeyId} and k.contact_id = c.id and k.in_segment)
    on conflict (journey_id, contact_id) do update set in_segment = true, transitions = m.transitions + 1, pending = ${enter}, changed_at = now()
    where not m.in_segment
    returning 1`,
    ex,
  );
  const left = await countOf(
    sql`update journey_segment_members m set in_segment = false, pending = false, changed_at = now()
    where m.journey_id = ${journeyId} and m.in_segment ${onlyM}
    and not exists (select 1 from contacts c where c.id = m.contact_id and c.workspace_id = ${workspaceId} and ${inSegment})
    returning 1`,
    ex,
  );
  return { came, left };
}

/**
 * Pending transitions (of every contact, or only `contactIds`) to turn into entries, locked until
 * this transaction ends; other claims skip them.
 */
export async function claimPendingSegmentEntries(
  { journeyId, limit, contactIds }: { journeyId: string; limit: number; contactIds?: string[] },
  ex: Executor,
) {
  return ex
    .select({ contactId: m.contactId, transitions: m.transitions })
    .from(m)
    .where(
      and(
        eq(m.journeyId, journeyId),
        eq(m.pending, true),
        contactIds ? inArray(m.contactId, contactIds) : undefined,
      ),
    )
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Whether any of these contacts has a committed pending transition into the journey: one indexed probe, no lock. */
export async function hasPendingSegmentEntries(
  journeyId: string,
  contactIds: string[],
  ex: Executor = db(),
): Promise<boolean> {
  if (!contactIds.length) return false;
  const rows = await ex
    .select({ contactId: m.contactId })
    .from(m)
    .where(and(eq(m.journeyId, journeyId), eq(m.pending, true), inArray(m.contactId, contactIds)))
    .limit(1);
  return rows.length > 0;
}

export async function clearPendingSegmentEntries(
  journeyId: string,
  contactIds: string[],
  ex: Executor,
) {
  if (!contactIds.length) return;
  await ex
    .update(m)
    .set({ pending: false })
    .where(and(eq(m.journeyId, journeyId), inArray(m.contactId, contactIds)));
}

/**
 * Contacts whose date attribute may fall due around now: the attribute's text starts with one of
 * `dates` (yyyy-mm-dd) or, for yearly triggers, has one of `monthDays` (mm-dd) in the date's place.
 * A pre-filter in SQL only; the exact local date and time are checked in lib/journeys.
 */
export async function listDateTriggerCandidates(
  workspaceId: string,
  input: { attribute: string; dates?: string[]; monthDays?: string[] },
  ex: Executor = db(),
) {
  const value = sql`c.attributes ->> ${input.attribute}`;
  const match = input.monthDays
    ? sql`substr(${value}, 6, 5) = any(${sql.param(input.monthDays)}::text[])`
    : sql`left(${value}, 10) = any(${sql.param(input.dates ?? [])}::text[])`;
  return executeRows<{ id: string; timezone: string | null; value: unknown }>(
    sql`select c.id, c.timezone, c.attributes -> ${input.attribute} as value
    from contacts c where c.workspace_id = ${workspaceId} and ${match}`,
    ex,
  );
}

/** Which of these trigger keys already entered the journey. */
export async function findExistingTriggerKeys(
  journeyId: string,
  keys: string[],
  ex: Executor = db(),
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await ex
    .select({ key: journeyEntries.triggerKey })
    .from(journeyEntries)
    .where(and(eq(journeyEntries.journeyId, journeyId), inArray(journeyEntries.triggerKey, keys)));
  return new Set(rows.map((r) => r.key));
}
