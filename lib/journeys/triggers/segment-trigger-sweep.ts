import { db } from "@/db";
import { retryTransient } from "@/db/retry-transient";
import {
  baselineSegmentMembers,
  claimPendingSegmentEntries,
  clearPendingSegmentEntries,
  findTriggerState,
  hasPendingSegmentEntries,
  lockTriggerState,
  markTriggerState,
  recordSegmentTransitions,
} from "@/db/queries/journey-triggers";
import { compileSegment, loadSegmentResolver } from "@/lib/segments/compile-segment";
import type { TSqlSegmentResolver } from "@/lib/segments/segment-to-sql";
import { segmentChangedBySends } from "@/lib/segments/changed-by-sends";
import { emitJourneyEvents } from "../runtime/journey-events";
import { enterJourneyInTx, startedEvents, type TEnterableJourney } from "../runtime/enter-journey";

type TSegmentJourney = TEnterableJourney & { workspaceId: string };
const BATCH = 500;

function segmentTrigger(journey: TEnterableJourney) {
  const t = journey.plan.trigger;
  return t.kind === "segment_entered" ? t : null;
}

/**
 * "In this saved segment", static or dynamic, as a condition over `contacts c`; `oneContact` when
 * only a few contacts are tested, so event counts are probed per contact instead of computed whole.
 */
const inSegment = (
  workspaceId: string,
  segmentId: string,
  now: Date,
  opts: { oneContact?: boolean; resolve?: TSqlSegmentResolver } = {},
) =>
  compileSegment(
    workspaceId,
    { kind: "group", match: "all", conditions: [{ kind: "segment", segmentId, in: true }] },
    { now, ...opts },
  );

/**
 * The periodic half of the segment trigger: compares the whole segment with what was recorded
 * and enters the contacts who came in. The first sweep of a journey (or of a new version naming
 * another segment) takes a baseline instead: the members at that moment enter only when the
 * trigger says contacts already inside should. Time-based segments ("no order in 30 days") and
 * static lists change without an event, so only this sweep sees those changes.
 */
export async function sweepSegmentTrigger(journey: TSegmentJourney, now = new Date()) {
  const trigger = segmentTrigger(journey);
  if (!trigger) return { baselined: 0, came: 0, left: 0, entered: 0 };
  const condition = await inSegment(journey.workspaceId, trigger.segmentId, now);
  const counts = await retryTransient(() =>
    db().transaction(async (tx) => {
      const state = await lockTriggerState(journey.workspaceId, journey.id, tx);
      if (state.segmentId !== trigger.segmentId || !state.baselinedAt) {
        const baselined = await baselineSegmentMembers(
          {
            workspaceId: journey.workspaceId,
            journeyId: journey.id,
            inSegment: condition,
            enterExisting: trigger.includeExisting && journey.status === "live",
          },
          tx,
        );
        await markTriggerState(
          journey.id,
          {
            segmentId: trigger.segmentId,
            baselinedAt: now,
            sweptAt: now,
          },
          tx,
        );
        return { baselined, came: 0, left: 0 };
      }
      const moved = await recordSegmentTransitions(
        {
          workspaceId: journey.workspaceId,
          journeyId: journey.id,
          inSegment: condition,
          enter: journey.status === "live",
        },
        tx,
      );
      await markTriggerState(journey.id, { sweptAt: now }, tx);
      return { baselined: 0, ...moved };
    }),
  );
  return { ...counts, entered: await enterPendingMembers(journey, now) };
}

/** How long a segment's "a send cannot change it" answer is reused: the sweep catches any edit. */
const SEND_ANSWER_TTL_MS = 2_000;
const sendAnswers = new Map<string, { at: number; changed: boolean }>();

/**
 * `segmentChangedBySends`, remembered for a moment per segment: every message sent asks it, and
 * the definitions would otherwise be read once per message. An edit made meanwhile is missed for
 * at most that moment by this immediate check; the sweep re-evaluates every contact regardless.
 */
async function changedBySends(
  workspaceId: string,
  segmentId: string,
  resolverOf: (workspaceId: string) => Promise<TSqlSegmentResolver>,
): Promise<boolean> {
  const key = `${workspaceId}:${segmentId}`;
  const hit = sendAnswers.get(key);
  if (hit && Date.now() - hit.at < SEND_ANSWER_TTL_MS) return hit.changed;
  const changed = segmentChangedBySends(segmentId, await resolverOf(workspaceId));
  if (sendAnswers.size > 1_000) sendAnswers.clear();
  sendAnswers.set(key, { at: Date.now(), changed });
  return changed;
}

/**
 * The immediate half: after contacts' events or attributes are stored, re-checks just them, so a
 * contact who qualifies by what they just did enters within the request that stored it. Journeys
 * not yet baselined are left to the sweep.
 */
export async function checkSegmentTriggers(
  journeys: TSegmentJourney[],
  contactIds: string[],
  now = new Date(),
  /**
   * The events were all stored by the send pipeline about messages it sent: a segment over
   * attributes, profile or accounts cannot have changed, and is not checked (at audience scale
   * that was five round trips per message for nothing).
   */
  opts: { sendOutcomesOnly?: boolean } = {},
) {
  let entered = 0;
  // One load of the workspace's segment definitions per batch, however many journeys compile against them.
  const resolvers = new Map<string, Promise<TSqlSegmentResolver>>();
  const resolverOf = (workspaceId: string) =>
    resolvers.get(workspaceId) ??
    resolvers.set(workspaceId, loadSegmentResolver(workspaceId)).get(workspaceId)!;
  for (const journey of journeys) {
    const trigger = segmentTrigger(journey);
    if (!trigger || !contactIds.length) continue;
    if (
      opts.sendOutcomesOnly &&
      !(await changedBySends(journey.workspaceId, trigger.segmentId, resolverOf))
    )
      continue;
    const state = await findTriggerState(journey.id);
    if (state?.segmentId !== trigger.segmentId || !state.baselinedAt) continue;
    const condition = await inSegment(journey.workspaceId, trigger.segmentId, now, {
      oneContact: true,
      resolve: await resolverOf(journey.workspaceId),
    });
    // The sweep may hold these rows in another order: a deadlock victim simply tries again.
    const moved = await retryTransient(() =>
      db().transaction((tx) =>
        recordSegmentTransitions(
          {
            workspaceId: journey.workspaceId,
            journeyId: journey.id,
            inSegment: condition,
            enter: journey.status === "live",
            contactIds,
          },
          tx,
        ),
      ),
    );
    // Claimed whether or not this check recorded a transition: its conflict clause may have held
    // rows another process had just made pending locked while that process's claim skipped them.
    // So whatever may lock a pending row claims it afterwards (the sweep always does).
    if (moved.came || (await hasPendingSegmentEntries(journey.id, contactIds)))
      entered += await enterPendingMembers(journey, now, contactIds);
  }
  return entered;
}

/**
 * Turns pending transitions into entries under the journey's entry rules, in batches: each batch's
 * entries and the clearing of their pending flags commit together, then their runs start.
 */
async function enterPendingMembers(
  journey: TSegmentJourney,
  now: Date,
  contactIds?: string[],
): Promise<number> {
  let entered = 0;
  for (;;) {
    const made = await db().transaction(async (tx) => {
      const pending = await claimPendingSegmentEntries(
        { journeyId: journey.id, limit: BATCH, contactIds },
        tx,
      );
      const entries: { contactId: string; entryId: string }[] = [];
      for (const p of pending) {
        const { entryId } = await enterJourneyInTx(tx, {
          workspaceId: journey.workspaceId,
          journey,
          contactId: p.contactId,
          triggerKey: `segment:${p.contactId}:${p.transitions}`,
          now,
        });
        if (entryId) entries.push({ contactId: p.contactId, entryId });
      }
      await clearPendingSegmentEntries(
        journey.id,
        pending.map((p) => p.contactId),
        tx,
      );
      return { claimed: pending.length, entries };
    });
    await emitJourneyEvents(startedEvents(journey, made.entries));
    entered += made.entries.length;
    if (made.claimed < BATCH) return entered;
  }
}
