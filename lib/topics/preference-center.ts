import { db } from "@/db";
import { findContactById } from "@/db/queries/contacts";
import { lockContact } from "@/db/queries/contact-edits";
import { listTopics, upsertTopicChoice } from "@/db/queries/topics";
import { loadSendContact } from "@/db/queries/send-context";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { changeSubscriptionInTx } from "@/lib/contacts/change-contact-subscription";
import { offerIngested, toIngestedEvents } from "@/lib/ingest/ingested-events";
import { resolveTrackingToken } from "@/lib/messages/engagement/resolve-tracking-token";
import { contactTopicStates } from "./contact-topics";
import { loadSubscriptionSettings } from "./manage-topics";

/**
 * Everything the hosted preference center shows for one contact, reached through the signed
 * `preferences` link of a message they got (the same key-versioned tokens as the unsubscribe
 * link). Null when the token is not genuine, or the message was a test send or names no contact.
 */
export async function loadPreferenceCenter(token: string) {
  const message = await resolveTrackingToken("preferences", token);
  if (!message?.contactId || message.isTest) return null;
  const ws = message.workspaceId;
  const [contact, workspace, settings, states] = await Promise.all([
    findContactById(ws, message.contactId),
    findWorkspaceById(ws),
    loadSubscriptionSettings(ws),
    contactTopicStates(ws, message.contactId),
  ]);
  if (!contact || !workspace) return null;
  const loaded = await loadSendContact(ws, contact.id);
  const everything = loaded?.subscriptions.find((s) => s.channel === "all");
  return {
    message,
    contact,
    workspace: { id: workspace.id, name: workspace.name },
    brandColor: settings.brandColor,
    topics: states.map((s) => ({
      key: s.topic.key,
      name: s.topic.name,
      description: s.topic.description,
      subscribed: s.status === "subscribed",
    })),
    unsubscribedFromEverything: everything?.status === "unsubscribed",
  };
}

export type TPreferenceCenter = NonNullable<Awaited<ReturnType<typeof loadPreferenceCenter>>>;

/**
 * Saves the page's form: the topics ticked are joined and the others left (source
 * `preference_center`), or, for "unsubscribe from everything", the contact's global opt-out.
 */
export async function savePreferences(
  center: TPreferenceCenter,
  input: { everything: boolean; subscribed: Set<string> },
) {
  const ws = center.workspace.id;
  const contactId = center.contact.id;
  const events = await db().transaction(async (tx) => {
    if (!(await lockContact(ws, contactId, tx))) return [];
    if (input.everything) {
      const change = await changeSubscriptionInTx(tx, {
        workspaceId: ws,
        contactId,
        channel: "all",
        status: "unsubscribed",
        source: "unsubscribe_link",
        detail: { messageId: center.message.id, via: "preference_center" },
      });
      return toIngestedEvents(ws, change.events);
    }
    const shown = new Map(center.topics.map((t) => [t.key, t.subscribed]));
    for (const topic of await listTopics(ws, tx)) {
      const wanted = input.subscribed.has(topic.key);
      // Only what the contact changed becomes their choice; the rest keeps following the default.
      if (shown.get(topic.key) === wanted) continue;
      await upsertTopicChoice(
        {
          workspaceId: ws,
          contactId,
          topicId: topic.id,
          status: wanted ? "subscribed" : "unsubscribed",
          source: "preference_center",
        },
        tx,
      );
    }
    return [];
  });
  await offerIngested(events);
}
