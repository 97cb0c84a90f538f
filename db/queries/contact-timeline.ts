import { and, desc, eq, gte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events } from "@/db/schema";
import type { TKeysetCursor } from "@/lib/pagination/keyset-cursor";
import { keysetPage, keysetWhere, utcText } from "./keyset";

export const TIMELINE_PAGE_SIZE = 25;

const occurredText = utcText(events.occurredAt);

/**
 * One contact's events, newest first, by keyset on (occurred_at, id). The cursor's id is the
 * event's numeric id, carried as text.
 */
export async function listContactEvents(
  workspaceId: string,
  contactId: string,
  before: TKeysetCursor | null,
  ex: Executor = db(),
) {
  const rows = await ex
    .select({
      id: events.id,
      name: events.name,
      properties: events.properties,
      occurredAt: events.occurredAt,
      messageId: events.messageId,
      occurredText,
    })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.contactId, contactId),
        before ? keysetWhere(events.occurredAt, events.id, before, "<", "bigint") : undefined,
      ),
    )
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(TIMELINE_PAGE_SIZE + 1);
  // `before` is the URL's word for "older than", the same direction as a list's `after`.
  const page = keysetPage(rows, TIMELINE_PAGE_SIZE, { after: before });
  return {
    events: page.rows.map(({ occurredText: ts, ...e }) => ({
      ...e,
      cursor: { ts, id: String(e.id) },
    })),
    hasOlder: page.hasOlder,
  };
}

/** A contact's events of one name since an instant, newest first (journey "did event" branches). */
export async function findContactEventsSince(
  workspaceId: string,
  contactId: string,
  name: string,
  since: Date,
  limit = 500,
  ex: Executor = db(),
) {
  return ex
    .select({ properties: events.properties, occurredAt: events.occurredAt })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.contactId, contactId),
        eq(events.name, name),
        gte(events.occurredAt, since),
      ),
    )
    .orderBy(desc(events.occurredAt))
    .limit(limit);
}

export async function findEventProperties(
  workspaceId: string,
  eventIds: string[],
  ex: Executor = db(),
) {
  if (!eventIds.length) return new Map<string, Record<string, unknown>>();
  const rows = await ex
    .select({ id: events.id, properties: events.properties })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        sql`${events.id} = any(${`{${eventIds.join(",")}}`}::bigint[])`,
      ),
    );
  return new Map(rows.map((r) => [String(r.id), r.properties as Record<string, unknown>]));
}

/** A contact's latest events of any name (journey tests replay them against "did event" branches). */
export async function listRecentContactEvents(
  workspaceId: string,
  contactId: string,
  limit: number,
  ex: Executor = db(),
) {
  return ex
    .select({ name: events.name, properties: events.properties, at: events.occurredAt })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.contactId, contactId)))
    .orderBy(desc(events.occurredAt))
    .limit(limit);
}
