import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contacts, messageEvents, messages, templates } from "@/db/schema";
import type { TKeysetCursor } from "@/lib/pagination/keyset-cursor";
import { likeContains } from "@/db/like-pattern";
import { keysetPage, keysetWhere, utcText } from "./keyset";
import {
  type TMessageLogFilter,
  type TMessageLogParams,
} from "@/lib/messages/log/message-log-params";

/** The total stops counting here: an exact count over millions of messages is a full scan. */
export const MESSAGE_COUNT_CAP = 10_000;
export const MESSAGE_PAGE_SIZE = 50;

function whereOf(workspaceId: string, f: TMessageLogFilter): SQL {
  return and(
    eq(messages.workspaceId, workspaceId),
    f.channel ? eq(messages.channel, f.channel) : undefined,
    f.status ? eq(messages.status, f.status) : undefined,
    f.provider ? eq(messages.provider, f.provider) : undefined,
    f.templateId ? eq(messages.templateId, f.templateId) : undefined,
    f.contactId ? eq(messages.contactId, f.contactId) : undefined,
    f.kind ? eq(messages.transactional, f.kind === "transactional") : undefined,
    f.q ? matchesText(likeContains(f.q)) : undefined,
  )!;
}

/** The search box: the address it went to, or its contact's email, phone or user id (a push goes to a device). */
const matchesText = (pattern: string) =>
  or(
    ilike(messages.recipient, pattern),
    sql`exists (select 1 from ${contacts} c where c.id = ${messages.contactId} and c.workspace_id = ${messages.workspaceId}
      and (c.email ilike ${pattern} or c.phone ilike ${pattern} or c.external_id ilike ${pattern}))`,
  );

const keyset = (c: TKeysetCursor, op: "<" | ">") =>
  keysetWhere(messages.createdAt, messages.id, c, op);
const createdText = utcText(messages.createdAt);

// The line a person recognises a message by, cut in SQL so a page of emails does not haul their HTML.
const summary = sql<
  string | null
>`left(coalesce(${messages.content}->>'subject', ${messages.content}->>'title', ${messages.content}->>'body', ${messages.content}->>'speech', ${messages.content}->>'url'), 160)`;

// Template and contact are joined on the workspace too: a foreign id must never lend its name.
const templateJoin = and(
  eq(templates.id, messages.templateId),
  eq(templates.workspaceId, messages.workspaceId),
);
const contactJoin = and(
  eq(contacts.id, messages.contactId),
  eq(contacts.workspaceId, messages.workspaceId),
);

const LIST_COLUMNS = {
  id: messages.id,
  channel: messages.channel,
  provider: messages.provider,
  status: messages.status,
  reason: messages.reason,
  recipient: messages.recipient,
  summary,
  origin: messages.origin,
  isTest: messages.isTest,
  transactional: messages.transactional,
  templateId: messages.templateId,
  templateName: templates.name,
  templateVersion: messages.templateVersion,
  contactId: messages.contactId,
  contactExternalId: contacts.externalId,
  createdAt: messages.createdAt,
  createdText,
  sentAt: messages.sentAt,
  deliveredAt: messages.deliveredAt,
  openedAt: messages.openedAt,
  clickedAt: messages.clickedAt,
  repliedAt: messages.repliedAt,
  unsubscribedAt: messages.unsubscribedAt,
};

export type TMessageLogRow = Omit<Awaited<ReturnType<typeof selectRows>>[number], "createdText"> & {
  cursor: TKeysetCursor;
};

function selectRows(where: SQL | undefined, backwards: boolean, limit: number, ex: Executor) {
  const order = backwards
    ? [asc(messages.createdAt), asc(messages.id)]
    : [desc(messages.createdAt), desc(messages.id)];
  return ex
    .select(LIST_COLUMNS)
    .from(messages)
    .leftJoin(templates, templateJoin)
    .leftJoin(contacts, contactJoin)
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

const toRow = ({
  createdText: ts,
  ...r
}: Awaited<ReturnType<typeof selectRows>>[number]): TMessageLogRow => ({
  ...r,
  cursor: { ts, id: r.id },
});

/**
 * One page of a workspace's messages, newest first, by keyset on (created_at, id) so a deep page
 * costs what the first does.
 */
export async function listMessageLog(
  workspaceId: string,
  p: TMessageLogParams,
  ex: Executor = db(),
) {
  const backwards = Boolean(p.before);
  const position = p.after ? keyset(p.after, "<") : p.before ? keyset(p.before, ">") : undefined;
  const found = await selectRows(
    and(whereOf(workspaceId, p), position),
    backwards,
    MESSAGE_PAGE_SIZE + 1,
    ex,
  );
  const page = keysetPage(found, MESSAGE_PAGE_SIZE, p);
  return { ...page, rows: page.rows.map(toRow) };
}

/** How many messages match, counted up to MESSAGE_COUNT_CAP + 1 (shown as "10,000+"). */
export async function countMessageLog(
  workspaceId: string,
  f: TMessageLogFilter,
  ex: Executor = db(),
) {
  const capped = ex
    .select({ one: sql`1` })
    .from(messages)
    .where(whereOf(workspaceId, f))
    .limit(MESSAGE_COUNT_CAP + 1)
    .as("capped");
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = row?.n ?? 0;
  return { count: Math.min(n, MESSAGE_COUNT_CAP), more: n > MESSAGE_COUNT_CAP };
}

/** One message with everything its page shows, its lifecycle in order; null when not this workspace's. */
export async function findMessageWithEvents(
  workspaceId: string,
  messageId: string,
  ex: Executor = db(),
) {
  const [found] = await ex
    .select({
      message: messages,
      templateName: templates.name,
      contactExternalId: contacts.externalId,
      contactEmail: contacts.email,
    })
    .from(messages)
    .leftJoin(templates, templateJoin)
    .leftJoin(contacts, contactJoin)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)));
  if (!found) return null;
  const events = await ex
    .select({
      id: messageEvents.id,
      type: messageEvents.type,
      occurredAt: messageEvents.occurredAt,
      detail: messageEvents.detail,
    })
    .from(messageEvents)
    .where(and(eq(messageEvents.workspaceId, workspaceId), eq(messageEvents.messageId, messageId)))
    .orderBy(asc(messageEvents.occurredAt), asc(messageEvents.id));
  return { ...found, events };
}

export type TMessageWithEvents = NonNullable<Awaited<ReturnType<typeof findMessageWithEvents>>>;

/** A contact's latest messages, newest first, for their profile. */
export async function listContactMessages(
  workspaceId: string,
  contactId: string,
  limit = 10,
  ex: Executor = db(),
) {
  const rows = await selectRows(
    and(eq(messages.workspaceId, workspaceId), eq(messages.contactId, contactId)),
    false,
    limit,
    ex,
  );
  return rows.map(toRow);
}
