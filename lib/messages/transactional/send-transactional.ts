import { createHash, randomUUID } from "node:crypto";
import { db } from "@/db";
import { findSendContacts, type TSendContact } from "@/db/queries/send-contacts";
import { suppressedRecipients } from "@/lib/deliverability/check-suppression";
import { insertMessagesOnce, type TNewMessage } from "@/db/queries/campaign-messages";
import { claimMessage } from "@/db/queries/messages";
import { findMessagesByKeys } from "@/db/queries/transactional";
import type { TMessage } from "@/db/schema";
import type { TRenderContact } from "@/lib/templates/render-context";
import { chooseRecipient, type TRecipient } from "../send/choose-recipient";
import { composeMessage } from "../send/compose-message";
import { deliveryStatusOf, skippedStatus, type TDeliveryStatus } from "./pinpoint-status";
import { resolveTransactionalContent, type TWorkspaceNaming } from "./resolve-content";
import { deliverTransactional } from "./deliver-transactional";
import type { TRecipientInput, TSendMessagesRequest } from "./send-request";

export type TRecipientResult = {
  /** Position in `recipients`. */
  index: number;
  userId?: string;
  address?: string;
  /** Null only when nothing was recorded (never, today: even refusals are logged). */
  messageId: string | null;
  status: TDeliveryStatus;
  reason: string | null;
};
export type TSendMessagesResult = { requestId: string; results: TRecipientResult[] };

/** A message's key: the request's idempotency key, channel and recipient, hashed to a fixed size. */
export function transactionalMessageKey(
  requestKey: string,
  channel: string,
  r: TRecipientInput,
): string {
  const who = r.userId
    ? `u:${r.userId}`
    : r.email
      ? `e:${r.email.toLowerCase()}`
      : r.phone
        ? `p:${r.phone}`
        : `t:${r.pushToken?.token}`;
  const hash = createHash("sha256").update(`${requestKey}\0${channel}\0${who}`).digest("base64url");
  return `tx:${hash}`;
}

const addressOf = (r: TRecipientInput) =>
  r.email?.toLowerCase() ??
  r.phone ??
  (r.pushToken ? `push token …${r.pushToken.token.slice(-6)}` : undefined);

/**
 * `POST /api/v1/messages`: a transactional send to up to 1,000 recipients, now. The priority
 * lane: it runs in the request, not behind the campaign queue or the executor, with provider
 * instances of its own (resolveChannelProvider's `transactional` lane); it skips frequency caps
 * and quiet hours, and honours what must always hold: global and channel opt-outs
 * (`chooseRecipient`, the check every send makes) and bounce suppression (`suppressedContacts`,
 * the campaign check). Otherwise the same pipeline as every send: the same render
 * (`composeMessage`), messages table under an idempotency key, provider, message events and
 * contact events. Batched like a campaign batch: a few queries per request, not ten per message.
 */
export async function sendTransactional(
  workspaceId: string,
  req: TSendMessagesRequest,
  opts: {
    origin?: Record<string, unknown>;
    /** The workspace's name and zone when the caller has them (the API key's lookup does). */
    workspace?: TWorkspaceNaming;
  } = {},
): Promise<TSendMessagesResult> {
  const ws = workspaceId;
  const requestId = req.idempotencyKey ?? randomUUID();
  const keys = req.recipients.map((r) => transactionalMessageKey(requestId, req.channel, r));
  // Validation that needs the template (overrides on it) comes first: a 400 writes nothing.
  const content = await resolveTransactionalContent(ws, req, opts.workspace);

  const earlier = new Map<string, TMessage>(
    req.idempotencyKey
      ? (await findMessagesByKeys(ws, [...new Set(keys)])).map((m) => [m.idempotencyKey, m])
      : [],
  );
  const firstOf = new Map<string, number>();
  const todo: number[] = [];
  keys.forEach((k, i) => {
    if (firstOf.has(k)) return;
    firstOf.set(k, i);
    if (!earlier.has(k)) todo.push(i);
  });

  // Contacts: by user id, and the contact (if any) holding each raw email address or phone number.
  const userIds = todo.flatMap((i) => req.recipients[i]!.userId ?? []);
  const emails = todo.flatMap((i) => req.recipients[i]!.email?.toLowerCase() ?? []);
  const phones = todo.flatMap((i) => req.recipients[i]!.phone ?? []);
  // With their opt-outs, devices and accounts: one query (the campaign batch's loader).
  const { byUserId, byAddress } = await findSendContacts(ws, { userIds, emails, phones });

  const origin = { kind: "api", transactional: true, requestId, ...opts.origin };
  const now = new Date();
  const fresh: TNewMessage[] = [];
  // First who each message goes to (opt-outs decide here), then the suppression list for all of
  // those addresses in one query, then the rendering.
  const planned: {
    i: number;
    base: Omit<TNewMessage, "status">;
    entry: TSendContact | undefined;
    recipient: TRecipient;
    skip: (reason: string, recipient?: string) => void;
  }[] = [];
  for (const i of todo) {
    const r = req.recipients[i]!;
    const messageId = randomUUID();
    const base = {
      id: messageId,
      workspaceId: ws,
      idempotencyKey: keys[i]!,
      channel: req.channel,
      templateId: content.templateId,
      templateVersion: content.templateVersion,
      origin,
      transactional: true,
    } satisfies Omit<TNewMessage, "status">;
    const entry = r.userId ? byUserId.get(r.userId) : byAddress.get(addressOf(r) ?? "");
    const skip = (reason: string, recipient?: string) =>
      fresh.push({
        ...base,
        contactId: entry?.contact.id ?? null,
        status: "skipped",
        reason,
        recipient: recipient ?? addressOf(r) ?? null,
      });
    if (r.userId && !entry) {
      skip("no contact with this userId (identify them first, or send to an address)");
      continue;
    }
    let recipient: TRecipient;
    if (entry) {
      const chosen = chooseRecipient(req.channel, entry.contact, entry);
      // A raw address goes where it says; the contact holding it only lends its opt-outs.
      if (!chosen.ok && (r.userId || chosen.reason.startsWith("opted out"))) {
        skip(chosen.reason);
        continue;
      }
      recipient = r.userId && chosen.ok ? chosen.recipient : rawRecipient(r);
    } else recipient = rawRecipient(r);
    planned.push({ i, base, entry, recipient, skip });
  }

  const suppressed = await suppressedRecipients(
    ws,
    req.channel,
    planned.map((p) => p.recipient.address),
  );
  for (const { i, base, entry, recipient, skip } of planned) {
    const r = req.recipients[i]!;
    const messageId = base.id!;
    const suppressedReason = suppressed.get(recipient.address);
    if (suppressedReason) {
      skip(suppressedReason, recipient.address);
      continue;
    }

    const contact: TRenderContact = entry?.contact ?? {
      externalId: null,
      email: r.email ?? null,
      phone: r.phone ?? null,
      timezone: null,
      locale: null,
      country: null,
      city: null,
      attributes: {},
    };
    const composed = composeMessage({
      messageId,
      workspaceId: ws,
      compiled: await content.compiledFor(i),
      context: {
        contact,
        accounts: entry?.accounts,
        workspace: { name: content.workspaceName, timezone: content.workspaceTimezone },
        context: { ...req.context, ...r.context },
      },
      recipient,
      tracked: true,
      // An order confirmation or a password reset gets no marketing preference footer.
      marketing: false,
    });
    if (!composed.ok) {
      skip(composed.reason, recipient.address);
      continue;
    }
    fresh.push({
      ...base,
      templateLocale: composed.templateLocale,
      contactId: entry?.contact.id ?? null,
      status: "sending",
      sendingSince: now,
      attempts: 1,
      recipient: recipient.address,
      content: composed.content as unknown as Record<string, unknown>,
    });
  }

  // The messages and their first events in one statement (atomic without a transaction).
  const { created, existing } = await insertMessagesOnce(
    ws,
    fresh,
    {
      events: fresh.map((m) => ({
        workspaceId: ws,
        messageId: m.id!,
        type: m.status === "skipped" ? ("skipped" as const) : ("queued" as const),
        detail: m.status === "skipped" ? { reason: m.reason } : { transactional: true },
        occurredAt: now,
      })),
    },
    db(),
  );
  // A concurrent call with the same key made some first: theirs stand, as a retry's would.
  for (const m of existing) earlier.set(m.idempotencyKey, m);

  const toSend: TMessage[] = [];
  const byKey = new Map<string, TMessage>();
  for (const m of fresh) {
    if (!created.has(m.id!)) continue;
    const row = m as TMessage;
    byKey.set(m.idempotencyKey, row);
    if (m.status === "sending") toSend.push(row);
  }
  // A retried request: messages a provider refused retryably go again; the rest stand.
  for (const [key, m] of earlier) {
    byKey.set(key, m);
    if (m.status === "queued" || m.status === "sending") {
      const again = await claimMessage(ws, m.id, db());
      if (again) toSend.push(again);
    }
  }
  for (const m of await deliverTransactional(ws, req.channel, toSend))
    byKey.set(m.idempotencyKey, m);

  const results = req.recipients.map((r, i): TRecipientResult => {
    const who = r.userId ? { userId: r.userId } : { address: addressOf(r)! };
    const first = firstOf.get(keys[i]!)!;
    const m = byKey.get(keys[i]!);
    if (first !== i)
      return {
        index: i,
        ...who,
        messageId: m?.id ?? null,
        status: "DUPLICATE",
        reason: `the same recipient as recipients[${first}]`,
      };
    if (!m)
      return {
        index: i,
        ...who,
        messageId: null,
        status: "TEMPORARY_FAILURE",
        reason: "not recorded",
      };
    const status = m.status === "skipped" ? skippedStatus(m.reason) : deliveryStatusOf(m);
    return {
      index: i,
      ...who,
      messageId: m.id,
      status,
      reason: status === "SUCCESSFUL" ? null : m.reason,
    };
  });
  return { requestId, results };
}

function rawRecipient(r: TRecipientInput): TRecipient {
  if (r.pushToken)
    return {
      address: addressOf(r)!,
      pushTargets: [{ platform: r.pushToken.platform, token: r.pushToken.token }],
    };
  return { address: r.email?.toLowerCase() ?? r.phone ?? r.userId! };
}
