import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contacts, type TContact } from "@/db/schema";

type TSubscriptionRow = {
  channel: "all" | "email" | "sms" | "push" | "voice" | "in_app";
  status: "subscribed" | "unsubscribed";
  source: "api" | "ui" | "import" | "unsubscribe_link" | "sms_keyword" | "complaint";
  changedAt: string;
};
type TPushTokenRow = {
  token: string;
  platform: "ios" | "android" | "web";
  lastSeenAt: string;
};

/** What a send needs about a contact: its profile, opt-ins and -outs, devices and accounts. */
export type TSendContact = {
  contact: TContact;
  subscriptions: (Omit<TSubscriptionRow, "changedAt"> & { changedAt: Date })[];
  pushTokens: (Omit<TPushTokenRow, "lastSeenAt"> & { lastSeenAt: Date })[];
  accounts: { groupId: string; traits: Record<string, unknown> }[];
};

/**
 * The contacts `where` picks, each with its channel subscriptions, push tokens (most recently
 * seen first) and accounts (most recently joined first) aggregated as JSON beside it: one round
 * trip for a whole batch, where four queries were needed before (docs/benchmarks.md,
 * transactional sends). Oldest contact first.
 */
async function selectSendContacts(
  workspaceId: string,
  where: SQL,
  ex: Executor,
): Promise<TSendContact[]> {
  // `contacts.id` written out: drizzle renders a lone table's columns unqualified, and a bare
  // `"id"` in the subqueries would bind to their own tables' ids (accounts has one).
  const rows = await ex
    .select({
      contact: contacts,
      subscriptions: sql<TSubscriptionRow[]>`coalesce((
        select json_agg(json_build_object('channel', s.channel, 'status', s.status,
          'source', s.source, 'changedAt', s.changed_at))
        from channel_subscriptions s
        where s.workspace_id = ${workspaceId} and s.contact_id = contacts.id), '[]'::json)`,
      pushTokens: sql<TPushTokenRow[]>`coalesce((
        select json_agg(json_build_object('token', t.token, 'platform', t.platform,
          'lastSeenAt', t.last_seen_at) order by t.last_seen_at desc)
        from push_tokens t
        where t.workspace_id = ${workspaceId} and t.contact_id = contacts.id), '[]'::json)`,
      accounts: sql<TSendContact["accounts"]>`coalesce((
        select json_agg(json_build_object('groupId', a.external_id, 'traits', a.traits)
          order by m.joined_at desc, a.external_id)
        from account_members m join accounts a on a.id = m.account_id
        where m.workspace_id = ${workspaceId} and m.contact_id = contacts.id), '[]'::json)`,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), where))
    .orderBy(contacts.createdAt, contacts.id);
  return rows.map((r) => ({
    contact: r.contact,
    subscriptions: r.subscriptions.map((s) => ({ ...s, changedAt: new Date(s.changedAt) })),
    pushTokens: r.pushTokens.map((t) => ({ ...t, lastSeenAt: new Date(t.lastSeenAt) })),
    accounts: r.accounts,
  }));
}

/** A batch of contacts by id, for sending (a campaign batch's claimed contacts), keyed by id. */
export async function loadSendContacts(
  workspaceId: string,
  contactIds: string[],
  ex: Executor = db(),
): Promise<Map<string, TSendContact>> {
  if (!contactIds.length) return new Map();
  const rows = await selectSendContacts(workspaceId, inArray(contacts.id, contactIds), ex);
  return new Map(rows.map((r) => [r.contact.id, r]));
}

/**
 * The contacts a transactional request names, for sending, in the same one round trip: by the
 * customer's user id, and the contact (oldest first, when several share it) holding each raw email
 * address or phone number, so an address-only send still honours that contact's opt-outs.
 */
export async function findSendContacts(
  workspaceId: string,
  wanted: { userIds: string[]; emails: string[]; phones: string[] },
  ex: Executor = db(),
): Promise<{
  byUserId: Map<string, TSendContact>;
  byAddress: Map<string, TSendContact>;
}> {
  const { userIds, emails, phones } = wanted;
  const byUserId = new Map<string, TSendContact>();
  const byAddress = new Map<string, TSendContact>();
  if (!userIds.length && !emails.length && !phones.length) return { byUserId, byAddress };
  const ws = workspaceId;
  const parts: SQL[] = [];
  // `= any(array)`, not `in (select jsonb_array_elements_text(…))`: the planner sees the array's
  // length and uses the (workspace_id, external_id) index, where it guessed 100 rows for the
  // set-returning function and scanned every contact of a workspace of a few thousand
  // (0.75 ms of a one-recipient request at 5,000 contacts; docs/benchmarks.md).
  if (userIds.length)
    parts.push(sql`select id from contacts where workspace_id = ${ws}
      and external_id = any(${sql.param(userIds)}::text[])`);
  if (emails.length || phones.length)
    // Bounded: an address shared by a crowd of contacts must not load them all.
    parts.push(sql`(select id from contacts where workspace_id = ${ws}
      and (email = any(${sql.param(emails)}::text[]) or phone = any(${sql.param(phones)}::text[]))
      order by created_at limit ${emails.length + phones.length + 100})`);
  const rows = await selectSendContacts(
    ws,
    sql`${contacts.id} in (${sql.join(parts, sql` union `)})`,
    ex,
  );
  const [users, emailSet, phoneSet] = [new Set(userIds), new Set(emails), new Set(phones)];
  for (const r of rows) {
    const { externalId, email, phone } = r.contact;
    if (externalId && users.has(externalId)) byUserId.set(externalId, r);
    if (email && emailSet.has(email) && !byAddress.has(email)) byAddress.set(email, r);
    if (phone && phoneSet.has(phone) && !byAddress.has(phone)) byAddress.set(phone, r);
  }
  return { byUserId, byAddress };
}
