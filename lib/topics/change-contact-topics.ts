import { db } from "@/db";
import { lockContact, touchContact } from "@/db/queries/contact-edits";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { applyTopicChoices, contactTopicStates } from "./contact-topics";
import type { TTopicChoices } from "./topic-schemas";

/** The profile's topic switches: the contact's choices by key, with source `ui`. */
export async function changeContactTopics(
  workspaceId: string,
  contactId: string,
  choices: TTopicChoices,
) {
  await db().transaction(async (tx) => {
    if (!(await lockContact(workspaceId, contactId, tx)))
      throw new NotFoundError("No such contact in this workspace");
    const { unknown } = await applyTopicChoices(tx, {
      workspaceId,
      contactId,
      choices,
      source: "ui",
    });
    if (unknown.length)
      throw new ValidationError(
        Object.fromEntries(unknown.map((k) => [k, "no topic has this key"])),
      );
    await touchContact(workspaceId, contactId, tx);
  });
  const states = await contactTopicStates(workspaceId, contactId);
  return {
    topics: states.map((s) => ({ key: s.topic.key, status: s.status, explicit: s.explicit })),
  };
}
