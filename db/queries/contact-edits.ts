import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { channelSubscriptions, contacts } from "@/db/schema";
import type { TSubscriptionChannel } from "@/lib/contacts/channel-labels";

/**
 * The contact's attributes (null when the contact is not in this workspace), row-locked until the
 * transaction ends, so two people editing one contact serialise and each event's `previous` is true.
 */
export async function lockContact(workspaceId: string, contactId: string, ex: Executor) {
  const [row] = await ex
    .select({ attributes: contacts.attributes })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
    .for("update");
  return row?.attributes ?? null;
}

export async function writeContactAttributes(
  workspaceId: string,
  contactId: string,
  set: Record<string, unknown>,
  unset: string[],
  ex: Executor,
) {
  await ex
    .update(contacts)
    .set({
      // Arrays travel as one JSON parameter: drizzle would expand a JS array into a list of parameters.
      attributes: sql`(${contacts.attributes} || ${JSON.stringify(set)}::jsonb) - array(select jsonb_array_elements_text(${JSON.stringify(unset)}::jsonb))`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
}

export async function findSubscription(
  workspaceId: string,
  contactId: string,
  channel: TSubscriptionChannel,
  ex: Executor,
) {
  const [row] = await ex
    .select({ status: channelSubscriptions.status, source: channelSubscriptions.source })
    .from(channelSubscriptions)
    .where(
      and(
        eq(channelSubscriptions.workspaceId, workspaceId),
        eq(channelSubscriptions.contactId, contactId),
        eq(channelSubscriptions.channel, channel),
      ),
    );
  return row ?? null;
}

export async function upsertSubscription(
  row: {
    workspaceId: string;
    contactId: string;
    channel: TSubscriptionChannel;
    status: "subscribed" | "unsubscribed";
    source: "ui" | "unsubscribe_link" | "sms_keyword" | "complaint";
    changedAt: Date;
  },
  ex: Executor,
) {
  await ex
    .insert(channelSubscriptions)
    .values(row)
    .onConflictDoUpdate({
      target: [channelSubscriptions.contactId, channelSubscriptions.channel],
      set: { status: row.status, source: row.source, changedAt: row.changedAt },
    });
}

/** The contact's updated_at moves with any change made about them. */
export async function touchContact(workspaceId: string, contactId: string, ex: Executor) {
  await ex
    .update(contacts)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
}
