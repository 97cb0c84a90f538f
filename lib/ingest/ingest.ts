import { db, type Executor } from "@/db";
import { AppError } from "@/lib/errors";
import { retryTransient } from "@/db/retry-transient";
import {
  applyProfilePatches,
  createAnonymousContacts,
  ensureContactsByExternalId,
  findAliasContacts,
  insertEvents,
  lockContacts,
  touchLastSeen,
  upsertAliases,
  upsertPushTokens,
  upsertSubscriptions,
  type TEventRow,
} from "@/db/queries/ingest";
import { applyGroupCalls, type TAccountPatch } from "@/db/queries/accounts";
import { findContactIdByExternalId, mergeContactInto } from "@/db/queries/merge-contacts";
import type { TOperation } from "./normalize";
import { inSpan } from "@/lib/tracing/in-span";
import { applyTopicChoicesMany } from "@/lib/topics/contact-topics";
import { offerIngested, type TIngestedEvent } from "./ingested-events";

export type TIngestStatus = "accepted" | "duplicate";
/** Where the calls came from; recorded on the channel opt-ins and opt-outs they set. */
export type TIngestSource = "api" | "import";
/**
 * `public`: the calls came with a browser-safe write key, which anyone can copy from a page, so
 * they may not fold one identified user into another (an alias whose previousId is, or belongs
 * to, another known user): that would let a visitor take over someone's profile and messages.
 */
export type TIngestOptions = {
  source?: TIngestSource;
  publicKey?: boolean;
  /**
   * Runs in the batch's transaction with each operation's contact id, for callers that keep rows
   * of their own beside the contact (Pinpoint endpoints), so both are written or neither.
   */
  withContacts?: (contactIds: string[], tx: Executor, statuses: TIngestStatus[]) => Promise<void>;
  /**
   * False: nobody is told of the stored events (no journey entry, no triggered campaign). For
   * history imports (lib/pinpoint/events): last year's events belong in segments and dashboards,
   * not in journeys that would start for them today.
   */
  notify?: boolean;
};

/**
 * Stores a batch of validated calls for one workspace in one transaction: contacts are created or
 * linked, events inserted (a repeated messageId is a duplicate, stored once), and identify calls
 * applied in order. Returns one status per operation.
 */
export async function ingest(
  workspaceId: string,
  ops: TOperation[],
  opts: TIngestOptions = {},
): Promise<TIngestStatus[]> {
  if (!ops.length) return [];
  // One span for the batch: the transaction, then the listeners (journey entry router, segment
  // re-checks) as they run inside it.
  return inSpan("waymark.ingest", { "waymark.operations": ops.length }, async () => {
    const { statuses, events } = await retryTransient(() =>
      db().transaction((tx) =>
        ingestInTx(tx, workspaceId, ops, opts.source ?? "api", opts.publicKey ?? false).then(
          async (r) => {
            await opts.withContacts?.(r.contactIds, tx, r.statuses);
            return r;
          },
        ),
      ),
    );
    if (opts.notify !== false) await offerIngested(events);
    return statuses;
  });
}

async function resolveContacts(
  tx: Executor,
  workspaceId: string,
  ops: TOperation[],
  publicKey: boolean,
): Promise<string[]> {
  const userIds = ops.flatMap((o) => (o.userId ? [o.userId] : []));
  const byUser = await ensureContactsByExternalId(workspaceId, userIds, tx);
  const anonIds = [
    ...new Set(
      ops.flatMap((o) =>
        o.kind === "alias" ? [o.previousId] : o.anonymousId ? [o.anonymousId] : [],
      ),
    ),
  ];
  const byAnon = await findAliasContacts(workspaceId, anonIds, tx);

  // anonymousId seen with a userId: the visitor is that user from now on.
  const links = new Map<string, string>();
  for (const o of ops) {
    if (o.kind === "alias") {
      const into = byUser.get(o.userId)!;
      const anon = byAnon.get(o.previousId);
      const asUser = anon ? null : await findContactIdByExternalId(workspaceId, o.previousId, tx);
      const from = anon?.contactId ?? asUser;
      const identified = asUser !== null || (anon?.externalId ?? null) !== null;
      if (publicKey && identified && from !== into)
        // Throwing rolls the whole batch back: nothing of a refused batch is stored.
        throw new AppError(
          403,
          "insufficient_scope",
          `A public write key cannot alias the identified user ${o.previousId} into another; use a secret key with the ingest scope`,
          { previousId: "Belongs to an identified user" },
        );
      if (from && from !== into) await mergeContactInto(workspaceId, from, into, tx);
      if (!byAnon.has(o.previousId) && from === null) links.set(o.previousId, into);
      byAnon.set(o.previousId, { contactId: into, externalId: o.userId });
      continue;
    }
    if (!o.userId || !o.anonymousId) continue;
    const into = byUser.get(o.userId)!;
    const known = byAnon.get(o.anonymousId);
    if (known?.contactId === into) continue;
    if (known && known.externalId === null)
      await mergeContactInto(workspaceId, known.contactId, into, tx);
    else links.set(o.anonymousId, into);
    byAnon.set(o.anonymousId, { contactId: into, externalId: o.userId });
  }
  await upsertAliases(
    workspaceId,
    [...links].map(([anonymousId, contactId]) => ({ anonymousId, contactId })),
    tx,
  );

  const unknownAnon = ops.flatMap((o) =>
    o.kind !== "alias" && !o.userId && o.anonymousId && !byAnon.has(o.anonymousId)
      ? [o.anonymousId]
      : [],
  );
  for (const [a, contactId] of await createAnonymousContacts(workspaceId, unknownAnon, tx))
    byAnon.set(a, { contactId, externalId: null });

  return ops.map((o) => (o.userId ? byUser.get(o.userId)! : byAnon.get(o.anonymousId!)!.contactId));
}

function eventRow(o: TOperation, contactId: string): TEventRow {
  const base = {
    contactId,
    occurredAt: o.occurredAt,
    messageId: o.messageId,
    context: o.context ?? null,
  };
  if (o.kind === "event") return { ...base, name: o.name, properties: o.properties };
  if (o.kind === "alias")
    return { ...base, name: "$alias", properties: { previousId: o.previousId } };
  if (o.kind === "group")
    return {
      ...base,
      name: "$group",
      properties: {
        groupId: o.groupId,
        ...o.traits.set,
        ...(o.traits.unset.length ? { $unset: o.traits.unset } : {}),
      },
    };
  const { attributes, pushTokens: _t, fill: _f, subscriptions, topics, ...fields } = o.profile;
  const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return {
    ...base,
    name: "$identify",
    properties: {
      ...changed,
      ...attributes.set,
      ...(attributes.unset.length ? { $unset: attributes.unset } : {}),
      ...(Object.keys(subscriptions).length ? { $subscriptions: subscriptions } : {}),
      ...(Object.keys(topics).length ? { $topics: topics } : {}),
    },
  };
}

async function ingestInTx(
  tx: Executor,
  workspaceId: string,
  ops: TOperation[],
  source: TIngestSource,
  publicKey: boolean,
) {
  const contactIds = await resolveContacts(tx, workspaceId, ops, publicKey);
  const stored = await insertEvents(
    workspaceId,
    ops.map((o, i) => eventRow(o, contactIds[i]!)),
    tx,
  );
  const fresh = new Set(stored.map((s) => s.message_id));
  // A messageId repeated inside one batch is stored once: the first occurrence wins.
  const seen = new Set<string>();
  const statuses: TIngestStatus[] = ops.map((o) =>
    fresh.has(o.messageId) && !seen.has(o.messageId) && seen.add(o.messageId)
      ? "accepted"
      : "duplicate",
  );

  const patches = new Map<
    string,
    Record<string, unknown> & { set: Record<string, unknown>; unset: string[] }
  >();
  const tokens = new Map<string, { contactId: string; token: string; platform: string }>();
  const subs = new Map<
    string,
    { contactId: string; channel: string; status: string; source: string; at: Date }
  >();
  const lastSeen = new Map<string, Date>();
  /** Topic choices per contact, later calls of the batch winning key by key. */
  const topicChoices = new Map<string, Record<string, "subscribed" | "unsubscribed">>();
  const accounts = new Map<string, TAccountPatch>();
  const members: { groupId: string; contactId: string }[] = [];
  ops.forEach((o, i) => {
    if (statuses[i] !== "accepted") return;
    const contactId = contactIds[i]!;
    const prev = lastSeen.get(contactId);
    if (!prev || prev < o.occurredAt) lastSeen.set(contactId, o.occurredAt);
    for (const t of o.deviceTokens) tokens.set(t.token, { contactId, ...t });
    if (o.kind === "group") {
      // Later calls of the batch win, trait by trait, as for a contact's attributes.
      const a = accounts.get(o.groupId) ?? { groupId: o.groupId, set: {}, unset: [] };
      for (const k of o.traits.unset) delete a.set[k];
      a.unset = [...a.unset.filter((k) => !(k in o.traits.set)), ...o.traits.unset];
      Object.assign(a.set, o.traits.set);
      accounts.set(o.groupId, a);
      members.push({ groupId: o.groupId, contactId });
      return;
    }
    if (o.kind !== "identify") return;
    const { attributes, pushTokens, subscriptions, topics, ...fields } = o.profile;
    if (Object.keys(topics).length)
      topicChoices.set(contactId, { ...(topicChoices.get(contactId) ?? {}), ...topics });
    const p = patches.get(contactId) ?? { set: {}, unset: [] };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) p[k] = v;
    for (const k of attributes.unset) delete p.set[k];
    p.unset = [...p.unset.filter((k) => !(k in attributes.set)), ...attributes.unset];
    Object.assign(p.set, attributes.set);
    patches.set(contactId, p);
    for (const t of pushTokens) tokens.set(t.token, { contactId, ...t });
    for (const [channel, status] of Object.entries(subscriptions))
      subs.set(`${contactId}:${channel}`, {
        contactId,
        channel,
        status: status!,
        source,
        at: o.occurredAt,
      });
  });

  // Profile updates lock their rows in id order first, so two batches updating the same contacts
  // never deadlock; last-seen touches are rarer (hourly) and a deadlock there is retried.
  await lockContacts([...patches.keys()], tx);
  await applyProfilePatches(
    workspaceId,
    [...patches].map(([contactId, patch]) => ({
      contactId,
      patch,
      seenAt: lastSeen.get(contactId)!,
    })),
    tx,
  );
  await upsertPushTokens(workspaceId, [...tokens.values()], tx);
  await applyGroupCalls(workspaceId, [...accounts.values()], members, tx);
  await upsertSubscriptions(workspaceId, [...subs.values()], tx);
  await applyTopicChoicesMany(
    tx,
    workspaceId,
    [...topicChoices].map(([contactId, choices]) => ({ contactId, choices })),
    source,
  );
  // Contacts whose profile was just rewritten already had last seen moved in that update.
  await touchLastSeen(
    workspaceId,
    [...lastSeen]
      .filter(([contactId]) => !patches.has(contactId))
      .map(([contactId, at]) => ({ contactId, at })),
    tx,
  );

  const events: TIngestedEvent[] = stored.map((s) => ({
    workspaceId,
    contactId: s.contact_id,
    eventId: String(s.id),
    name: s.name,
    occurredAt: new Date(s.occurred_at),
  }));
  return { statuses, events, contactIds };
}
