import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { messageEvents, messages, type TMessage, type TMessageEventType } from "@/db/schema";

/** A claim older than this was lost with its process: longer than any provider's own timeout. */
export const STALE_SENDING_MS = 60_000;

/**
 * Moves a queued message to `sending`, or takes over a `sending` one whose claim is stale (its
 * process died between claiming and settling); null when another attempt holds it or it is
 * settled. Taking over means a provider may, rarely, get the message twice (it died after the
 * provider accepted, before we recorded it): at least once beats never.
 */
export async function claimMessage(
  workspaceId: string,
  messageId: string,
  ex: Executor,
): Promise<TMessage | null> {
  const staleBefore = new Date(Date.now() - STALE_SENDING_MS).toISOString();
  const [row] = await ex
    .update(messages)
    .set({ status: "sending", sendingSince: new Date(), attempts: sql`${messages.attempts} + 1` })
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.id, messageId),
        or(
          eq(messages.status, "queued"),
          and(
            eq(messages.status, "sending"),
            sql`${messages.sendingSince} < ${staleBefore}::timestamptz`,
          ),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

export async function settleMessage(
  workspaceId: string,
  messageId: string,
  patch: Pick<
    Partial<TMessage>,
    | "status"
    | "reason"
    | "providerMessageId"
    | "provider"
    | "sentAt"
    | "deliveredAt"
    | "sendingDomain"
  >,
  ex: Executor,
) {
  const [row] = await ex
    .update(messages)
    .set(patch)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)))
    .returning();
  return row ?? null;
}

export async function insertMessageEvent(
  workspaceId: string,
  messageId: string,
  {
    type,
    detail = {},
    at,
  }: { type: TMessageEventType; detail?: Record<string, unknown>; at?: Date },
  ex: Executor,
) {
  await ex
    .insert(messageEvents)
    .values({ workspaceId, messageId, type, detail, ...(at ? { occurredAt: at } : {}) });
}

const FIRST_TIME_FIELD = {
  opened: "openedAt",
  clicked: "clickedAt",
  replied: "repliedAt",
  unsubscribed: "unsubscribedAt",
  seen: "seenAt",
  dismissed: "dismissedAt",
  delivered: "deliveredAt",
} as const satisfies Record<string, keyof TMessage>;
export type TEngagement = keyof typeof FIRST_TIME_FIELD;

/**
 * Stamps the first time of an engagement on the message (later ones keep the first) and says
 * whether this was the first, so callers record a contact event once. Row-locked: two opens at
 * the same instant cannot both be first.
 */
export async function stampEngagement(
  workspaceId: string,
  messageId: string,
  type: TEngagement,
  at: Date,
  ex: Executor,
) {
  const field = FIRST_TIME_FIELD[type];
  const where = and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId));
  const [before] = await ex
    .select({ stamp: messages[field], status: messages.status })
    .from(messages)
    .where(where)
    .for("update");
  if (!before) return null;
  const first = before.stamp === null;
  const deliveredNow = type === "delivered" && before.status === "sent";
  if (!first && !deliveredNow) {
    const [message] = await ex.select().from(messages).where(where);
    return { message: message!, first };
  }
  const [message] = await ex
    .update(messages)
    .set({
      ...(first ? { [field]: at } : {}),
      ...(deliveredNow ? { status: "delivered" as const } : {}),
    })
    .where(where)
    .returning();
  return { message: message!, first };
}

export async function findMessage(workspaceId: string, messageId: string, ex: Executor) {
  const [row] = await ex
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)));
  return row ?? null;
}

/** The message by id across workspaces: tracking links carry only the (signed) message id. */
export async function findMessageAnyWorkspace(messageId: string, ex: Executor) {
  const [row] = await ex.select().from(messages).where(eq(messages.id, messageId));
  return row ?? null;
}

export async function listMessageEvents(workspaceId: string, messageId: string, ex: Executor) {
  return ex
    .select({
      type: messageEvents.type,
      occurredAt: messageEvents.occurredAt,
      detail: messageEvents.detail,
    })
    .from(messageEvents)
    .where(and(eq(messageEvents.workspaceId, workspaceId), eq(messageEvents.messageId, messageId)))
    .orderBy(messageEvents.occurredAt, messageEvents.id);
}

/** In-app messages a contact has not dismissed, newest first. */
export async function listInboxMessages(
  workspaceId: string,
  contactId: string,
  limit: number,
  ex: Executor,
) {
  return ex
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.contactId, contactId),
        eq(messages.channel, "in_app"),
        inArray(messages.status, ["sent", "delivered"]),
        isNull(messages.dismissedAt),
      ),
    )
    .orderBy(sql`${messages.createdAt} desc`)
    .limit(limit);
}

export async function findMessageByKey(workspaceId: string, idempotencyKey: string, ex: Executor) {
  const [row] = await ex
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

export async function findMessageByProviderId(
  workspaceId: string,
  providerMessageId: string,
  ex: Executor,
) {
  const [row] = await ex
    .select()
    .from(messages)
    .where(
      and(eq(messages.workspaceId, workspaceId), eq(messages.providerMessageId, providerMessageId)),
    );
  return row ?? null;
}

/** The contact's latest message on a channel since `since`: what an SMS reply answers. */
export async function findLatestMessageTo(
  workspaceId: string,
  contactId: string,
  channel: TMessage["channel"],
  since: Date,
  ex: Executor,
) {
  const [row] = await ex
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.contactId, contactId),
        eq(messages.channel, channel),
        sql`${messages.createdAt} >= ${since.toISOString()}`,
      ),
    )
    .orderBy(sql`${messages.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

/** Messages that reached a contact (sent or delivered) since an instant: the frequency cap. */
export async function countMessagesSentSince(
  workspaceId: string,
  contactId: string,
  since: Date,
  ex: Executor,
) {
  return ex.$count(
    messages,
    and(
      eq(messages.workspaceId, workspaceId),
      eq(messages.contactId, contactId),
      eq(messages.isTest, false),
      inArray(messages.status, ["sent", "delivered"]),
      sql`${messages.sentAt} >= ${since.toISOString()}`,
    ),
  );
}
