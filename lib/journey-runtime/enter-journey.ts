import { db } from "@/db";
import { insertEntry, listPreviousEntries, lockJourneyContact } from "@/db/queries/journeys";
import { JOURNEY_CONTACT_ENTERED } from "@/inngest/functions/run-journey";
import { decideEntry, type TEntryDecision } from "@/lib/journeys/decide-entry";
import { emitEvents } from "./emit-events";
import type { runningJourneys } from "./running-journeys";

type TRunning = Awaited<ReturnType<typeof runningJourneys>>[number];

/**
 * Puts a contact into a live journey if its entry rules allow, exactly once per trigger: the
 * decision is taken under a per-(journey, contact) lock, and `triggerKey` (the event's id, an
 * API call's key) is unique per journey, so the same event delivered twice enters once.
 */
export async function enterJourney(input: { workspaceId: string; journey: TRunning; contactId: string; triggerKey: string; now?: Date }): Promise<{ entryId: string | null; decision: TEntryDecision | { enter: false; reason: "paused" | "duplicate" } }> {
  const { workspaceId, journey, contactId, triggerKey } = input;
  if (journey.status !== "live") return { entryId: null, decision: { enter: false, reason: "paused" } };
  const now = input.now ?? new Date();
  const result = await db().transaction(async (tx) => {
    await lockJourneyContact(tx, journey.id, contactId);
    const decision = decideEntry(journey.plan.settings, await listPreviousEntries(tx, journey.id, contactId), now);
    if (!decision.enter) return { entry: null, decision };
    const entry = await insertEntry(tx, { workspaceId, journeyId: journey.id, version: journey.version, contactId, triggerKey, currentNodeId: journey.plan.entryStepId, enteredAt: now });
    return { entry, decision: entry ? decision : ({ enter: false, reason: "duplicate" } as const) };
  });
  if (result.entry) {
    const data = { journeyId: journey.id, version: journey.version, contactId, entryId: result.entry.id };
    // The entry id is the event id: Inngest and the local executor drop a repeat of it.
    await emitEvents([{ name: JOURNEY_CONTACT_ENTERED, id: `entry-${result.entry.id}`, data }]);
  }
  return { entryId: result.entry?.id ?? null, decision: result.decision };
}
