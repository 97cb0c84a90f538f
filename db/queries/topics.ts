import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { subscriptionSettings, topics, topicSubscriptions, type TTopic } from "@/db/schema";

export async function listTopics(workspaceId: string, ex: Executor = db()): Promise<TTopic[]> {
  return ex
    .select()
    .from(topics)
    .where(eq(topics.workspaceId, workspaceId))
    .orderBy(asc(topics.name));
}

export async function findTopic(workspaceId: string, topicId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, topicId)));
  return row ?? null;
}

export async function insertTopic(
  row: Omit<typeof topics.$inferInsert, "id" | "createdAt" | "updatedAt">,
  ex: Executor = db(),
) {
  const [created] = await ex.insert(topics).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function updateTopic(
  workspaceId: string,
  topicId: string,
  set: Partial<Pick<TTopic, "name" | "description" | "defaultSubscribed" | "channels">>,
  ex: Executor = db(),
) {
  const [row] = await ex
    .update(topics)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, topicId)))
    .returning();
  return row ?? null;
}

export async function deleteTopic(workspaceId: string, topicId: string, ex: Executor = db()) {
  const rows = await ex
    .delete(topics)
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, topicId)))
    .returning({ id: topics.id });
  return rows.length > 0;
}

/** The contact's explicit choices, by topic id. */
export async function contactTopicChoices(
  workspaceId: string,
  contactId: string,
  ex: Executor = db(),
) {
  return ex
    .select({
      topicId: topicSubscriptions.topicId,
      status: topicSubscriptions.status,
      source: topicSubscriptions.source,
      changedAt: topicSubscriptions.changedAt,
    })
    .from(topicSubscriptions)
    .where(
      and(
        eq(topicSubscriptions.workspaceId, workspaceId),
        eq(topicSubscriptions.contactId, contactId),
      ),
    );
}

export async function upsertTopicChoice(
  row: {
    workspaceId: string;
    contactId: string;
    topicId: string;
    status: "subscribed" | "unsubscribed";
    source: string;
  },
  ex: Executor = db(),
) {
  const changedAt = new Date();
  await ex
    .insert(topicSubscriptions)
    .values({ ...row, changedAt })
    .onConflictDoUpdate({
      target: [topicSubscriptions.contactId, topicSubscriptions.topicId],
      set: { status: row.status, source: row.source, changedAt },
    });
}

/**
 * Of these contacts, the ones not subscribed to the topic now: an explicit opt-out, or (for an
 * opt-in topic) no explicit opt-in. One query for a whole campaign batch.
 */
export async function contactsOutOfTopic(
  workspaceId: string,
  topic: Pick<TTopic, "id" | "defaultSubscribed">,
  contactIds: string[],
  ex: Executor = db(),
): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const rows = await ex
    .select({ contactId: topicSubscriptions.contactId, status: topicSubscriptions.status })
    .from(topicSubscriptions)
    .where(
      and(
        eq(topicSubscriptions.workspaceId, workspaceId),
        eq(topicSubscriptions.topicId, topic.id),
        inArray(topicSubscriptions.contactId, contactIds),
      ),
    );
  const explicit = new Map(rows.map((r) => [r.contactId, r.status]));
  return new Set(
    contactIds.filter((id) => {
      const s = explicit.get(id);
      return s ? s === "unsubscribed" : !topic.defaultSubscribed;
    }),
  );
}

export async function findSubscriptionSettings(workspaceId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(subscriptionSettings)
    .where(eq(subscriptionSettings.workspaceId, workspaceId));
  return row ?? null;
}

export async function saveSubscriptionSettings(
  workspaceId: string,
  set: { brandColor: string; smsHelpText: string | null; updatedBy: string | null },
  ex: Executor = db(),
) {
  const values = { ...set, updatedAt: sql`now()` };
  await ex
    .insert(subscriptionSettings)
    .values({ ...values, workspaceId })
    .onConflictDoUpdate({ target: subscriptionSettings.workspaceId, set: values });
}
