import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import type { TApiKeyScope } from "@/lib/api-keys/kinds";
import {
  apiKeys,
  contacts,
  journeyEntries,
  journeyNodeVisits,
  journeys,
  memberships,
  messageEvents,
  messages,
  segments,
  templates,
  templateVersions,
  users,
  workspaces,
  type TMessageEventType,
} from "@/db/schema";

// The writes of the demo seed (lib/demo/): fixture rows inserted as they are, in batches.

const TABLES = { contacts, segments, templates, journeys } as const;

/** Whether the workspace has any row of a kind: each demo part is seeded only when it has none. */
export async function workspaceHasAny(
  workspaceId: string,
  kind: keyof typeof TABLES,
  ex: Executor = db(),
): Promise<boolean> {
  const t = TABLES[kind];
  const [row] = await ex
    .select({ id: t.id })
    .from(t)
    .where(eq(t.workspaceId, workspaceId))
    .limit(1);
  return Boolean(row);
}

export async function findWorkspaceBySlug(slug: string, ex: Executor = db()) {
  const [ws] = await ex.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return ws ?? null;
}

export async function findJourneyByName(workspaceId: string, name: string, ex: Executor = db()) {
  const [j] = await ex
    .select()
    .from(journeys)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.name, name)))
    .limit(1);
  return j ?? null;
}

export async function journeyHasEntries(journeyId: string, ex: Executor = db()) {
  const [any] = await ex
    .select({ id: journeyEntries.id })
    .from(journeyEntries)
    .where(eq(journeyEntries.journeyId, journeyId))
    .limit(1);
  return Boolean(any);
}

/** The workspace, its users (by email, renamed if they exist) and memberships, and its API keys. */
export async function insertDemoWorkspace(
  ws: { slug: string; name: string; timezone: string },
  people: { email: string; name: string; role: (typeof memberships.$inferInsert)["role"] }[],
  passwordHash: string,
  keys: Pick<typeof apiKeys.$inferInsert, "name" | "prefix" | "keyHash" | "kind" | "scopes">[],
) {
  await db().transaction(async (tx) => {
    const [row] = await tx.insert(workspaces).values(ws).returning();
    for (const u of people) {
      const [user] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, passwordHash })
        .onConflictDoUpdate({ target: users.email, set: { name: u.name } })
        .returning();
      await tx.insert(memberships).values({ workspaceId: row!.id, userId: user!.id, role: u.role });
    }
    await tx
      .insert(apiKeys)
      .values(keys.map((k) => ({ workspaceId: row!.id, ...k, createdBy: null })));
  });
}

/**
 * The demo server key gets the scopes added since the demo was seeded (e.g. `stream:read`), so a
 * demo database from an earlier version can try every API its README shows. Only that key: keys a
 * user made keep exactly the scopes they were given.
 */
export async function grantDemoKeyScopes(
  workspaceId: string,
  keyHash: string,
  scopes: TApiKeyScope[],
) {
  await db()
    .update(apiKeys)
    .set({ scopes })
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        eq(apiKeys.keyHash, keyHash),
        sql`not (${apiKeys.scopes} @> ${sql.param(scopes)}::text[])`,
      ),
    );
}

export async function insertDemoSegments(rows: (typeof segments.$inferInsert)[]) {
  await db().insert(segments).values(rows).onConflictDoNothing();
}

/** Templates, each published as version 1 with its draft as the version's content. */
export async function insertPublishedTemplates(
  workspaceId: string,
  rows: {
    name: string;
    channel: (typeof templates.$inferInsert)["channel"];
    content: Record<string, unknown>;
  }[],
) {
  await db().transaction(async (tx) => {
    for (const t of rows) {
      const [row] = await tx
        .insert(templates)
        .values({
          workspaceId,
          name: t.name,
          channel: t.channel,
          draft: t.content,
          publishedVersion: 1,
        })
        .onConflictDoNothing()
        .returning({ id: templates.id });
      if (row)
        await tx
          .insert(templateVersions)
          .values({ templateId: row.id, version: 1, workspaceId, content: t.content });
    }
  });
}

export async function insertContactsReturning(rows: (typeof contacts.$inferInsert)[]) {
  return db()
    .insert(contacts)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: contacts.id, createdAt: contacts.createdAt });
}

export type TJourneyHistory = {
  workspaceId: string;
  journeyId: string;
  entries: (typeof journeyEntries.$inferInsert)[];
  /** The node visits of each entry, in the order of `entries`. */
  visits: { nodeId: string; outcome: string; passedAt: Date }[][];
  messages: (typeof messages.$inferInsert)[];
  /** Message events by index into `messages`. */
  events: { i: number; type: TMessageEventType; at: Date }[];
};

/** A journey's past runs, their visits, messages and message events, in one transaction. */
export async function insertJourneyHistory(h: TJourneyHistory) {
  await db().transaction(async (tx) => {
    const ids: string[] = [];
    for (let k = 0; k < h.entries.length; k += 500)
      ids.push(
        ...(
          await tx
            .insert(journeyEntries)
            .values(h.entries.slice(k, k + 500))
            .returning({ id: journeyEntries.id })
        ).map((e) => e.id),
      );
    const visitRows = ids.flatMap((entryId, k) =>
      (h.visits[k] ?? []).map((v) => ({ entryId, journeyId: h.journeyId, ...v })),
    );
    for (let k = 0; k < visitRows.length; k += 1000)
      await tx.insert(journeyNodeVisits).values(visitRows.slice(k, k + 1000));
    const msgIds: string[] = [];
    for (let k = 0; k < h.messages.length; k += 500)
      msgIds.push(
        ...(
          await tx
            .insert(messages)
            .values(h.messages.slice(k, k + 500))
            .returning({ id: messages.id })
        ).map((m) => m.id),
      );
    const evs = [...h.events]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((e) => ({
        workspaceId: h.workspaceId,
        messageId: msgIds[e.i]!,
        type: e.type,
        occurredAt: e.at,
      }));
    for (let k = 0; k < evs.length; k += 1000)
      await tx.insert(messageEvents).values(evs.slice(k, k + 1000));
  });
}
