import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findContactByExternalId } from "@/db/queries/contacts";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { enterJourney } from "./enter-journey";
import { runningJourneys } from "./running-journeys";

export const ZApiEntry = z.object({
  userId: z.string().trim().min(1).max(255),
  /** Makes a retried call harmless: the same key enters the contact once. */
  key: z.string().trim().min(1).max(200).optional(),
});

/** `POST /api/v1/journeys/<id>/entries`: the "API call" trigger, for journeys your backend starts. */
export async function enterJourneyByApi(
  workspaceId: string,
  journeyId: string,
  input: z.infer<typeof ZApiEntry>,
) {
  const journey = z.uuid().safeParse(journeyId).success
    ? (await runningJourneys(workspaceId)).find((j) => j.id === journeyId)
    : undefined;
  if (!journey) throw new NotFoundError("No live journey with this id");
  if (journey.plan.trigger.kind !== "api")
    throw new ConflictError(
      "This journey does not start by API call (its trigger is not “API call”)",
      undefined,
      { code: "journey_not_api" },
    );
  const contact = await findContactByExternalId(workspaceId, input.userId);
  if (!contact) throw new NotFoundError("No contact with this userId: identify them first");
  const { entryId, decision } = await enterJourney({
    workspaceId,
    journey,
    contactId: contact.id,
    triggerKey: `api:${input.key ?? randomUUID()}`,
  });
  return { entered: entryId !== null, entryId, reason: decision.reason };
}
