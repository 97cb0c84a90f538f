import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import {
  channelSubscriptions,
  contactAliases,
  contactImportErrors,
  contacts,
  events,
  pushTokens,
} from "@/db/schema";
import { insertContactErasedEvent } from "./stream-events";

export async function findContactByExternalId(
  workspaceId: string,
  externalId: string,
  ex: Executor = db(),
) {
  const [c] = await ex
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.externalId, externalId)))
    .limit(1);
  return c ?? null;
}

/** The contact an inbound SMS comes from: phones are stored E.164, as Twilio sends `From`. */
export async function findContactIdByPhone(
  workspaceId: string,
  phone: string,
  ex: Executor = db(),
): Promise<string | null> {
  const [c] = await ex
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.phone, phone)))
    .limit(1);
  return c?.id ?? null;
}

export async function findContactById(workspaceId: string, contactId: string, ex: Executor = db()) {
  const [c] = await ex
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
    .limit(1);
  return c ?? null;
}

/** Channels, devices, anonymous ids and event count of one contact (already known to be in the workspace). */
export async function loadContactDetails(
  workspaceId: string,
  contactId: string,
  ex: Executor = db(),
) {
  const scope = (t: { workspaceId: PgColumn; contactId: PgColumn }) =>
    and(eq(t.workspaceId, workspaceId), eq(t.contactId, contactId));
  const [subscriptions, tokens, aliases, [events_]] = await Promise.all([
    ex
      .select({
        channel: channelSubscriptions.channel,
        status: channelSubscriptions.status,
        source: channelSubscriptions.source,
        changedAt: channelSubscriptions.changedAt,
      })
      .from(channelSubscriptions)
      .where(scope(channelSubscriptions))
      .orderBy(asc(channelSubscriptions.channel)),
    ex
      .select({
        token: pushTokens.token,
        platform: pushTokens.platform,
        lastSeenAt: pushTokens.lastSeenAt,
      })
      .from(pushTokens)
      .where(scope(pushTokens))
      .orderBy(desc(pushTokens.lastSeenAt)),
    ex
      .select({ anonymousId: contactAliases.anonymousId })
      .from(contactAliases)
      .where(scope(contactAliases)),
    ex.select({ n: count() }).from(events).where(scope(events)),
  ]);
  return {
    subscriptions,
    pushTokens: tokens,
    anonymousIds: aliases.map((a) => a.anonymousId),
    eventCount: events_?.n ?? 0,
  };
}

/**
 * Right to erasure: the contact and, through the foreign keys, every row about them; and the rows
 * of the workspace's CSV imports that were rejected with one of the contact's identifiers in them
 * (kept a week for the importer to read, but no foreign key points them at the contact). Files of
 * imports are deleted when the import ends, so no finished upload holds them.
 */
export async function deleteContact(workspaceId: string, contactId: string, ex: Executor = db()) {
  return ex.transaction(async (tx) => {
    const rows = await tx
      .delete(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
      .returning({ externalId: contacts.externalId, email: contacts.email, phone: contacts.phone });
    const gone = rows[0];
    if (!gone) return false;
    await insertContactErasedEvent(workspaceId, contactId, gone.externalId, tx);
    const ids = [gone.externalId, gone.email, gone.phone].filter((v): v is string => !!v);
    if (ids.length)
      await tx.delete(contactImportErrors).where(
        and(
          eq(contactImportErrors.workspaceId, workspaceId),
          // Values as the file had them: trimmed and compared without case (emails come either way).
          sql`exists (select 1 from jsonb_array_elements_text(${contactImportErrors.values}) v
                     where lower(trim(v)) in (${sql.join(
                       ids.map((i) => sql`${i.toLowerCase()}`),
                       sql`, `,
                     )}))`,
        ),
      );
    return true;
  });
}
