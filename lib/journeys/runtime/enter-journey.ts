import { db, type Executor } from "@/db";
import { insertEntry, listPreviousEntries, lockJourneyContact } from "@/db/queries/journeys";
import { decideEntry, type TEntryDecision } from "@/lib/journeys/triggers/decide-entry";
import type { TPlan } from "@/lib/journeys/compile/compile-journey";
import { emitJourneyEvents, type TJourneyEvent } from "./journey-events";

/** What entering needs to know of a journey: its live version and plan. */
export type TEnterableJourney = {
  id: string;
  status: "live" | "paused";
  version: number;
  plan: TPlan;
};
export type TEntryResult = {
  entryId: string | null;
  decision: TEntryDecision | { enter: false; reason: "paused" | "duplicate" };
};
type TEntryInput = {
  workspaceId: string;
  journey: TEnterableJourney;
  contactId: string;
  triggerKey: string;
  now?: Date;
};

/**
 * Applies the entry rules and records the entry inside the caller's transaction: the decision is
 * taken under a per-(journey, contact) lock, and `triggerKey` (the event's id, an API call's key, a
 * segment transition, a date) is unique per journey, so the same trigger delivered twice enters once.
 * The caller emits `startedEvents` for the entries it made once the transaction has committed.
 */
export async function enterJourneyInTx(tx: Executor, input: TEntryInput): Promise<TEntryResult> {
  const { workspaceId, journey, contactId, triggerKey } = input;
  if (journey.status !== "live")
    return { entryId: null, decision: { enter: false, reason: "paused" } };
  const now = input.now ?? new Date();
  await lockJourneyContact(journey.id, contactId, tx);
  const decision = decideEntry(
    journey.plan.settings,
    await listPreviousEntries(journey.id, contactId, tx),
    now,
  );
  if (!decision.enter) return { entryId: null, decision };
  const entry = await insertEntry(
    {
      workspaceId,
      journeyId: journey.id,
      version: journey.version,
      contactId,
      triggerKey,
      currentNodeId: journey.plan.entryStepId,
      enteredAt: now,
    },
    tx,
  );
  return {
    entryId: entry?.id ?? null,
    decision: entry ? decision : { enter: false, reason: "duplicate" },
  };
}

/**
 * The events that start entries' runs. The executor's adapter keys each by its entry id, so
 * redeliver-stalled-entries.ts can send one again safely.
 */
export function startedEvents(
  journey: TEnterableJourney,
  entries: { contactId: string; entryId: string }[],
): TJourneyEvent[] {
  return entries.map(({ contactId, entryId }) => ({
    kind: "entered",
    journeyId: journey.id,
    version: journey.version,
    contactId,
    entryId,
  }));
}

/** Puts a contact into a live journey if its entry rules allow, exactly once per trigger, and starts its run. */
export async function enterJourney(input: TEntryInput): Promise<TEntryResult> {
  const result = await db().transaction((tx) => enterJourneyInTx(tx, input));
  if (result.entryId)
    await emitJourneyEvents(
      startedEvents(input.journey, [{ contactId: input.contactId, entryId: result.entryId }]),
    );
  return result;
}
