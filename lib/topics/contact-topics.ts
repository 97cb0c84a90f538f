import type { Executor } from "@/db";
import { contactTopicChoices, listTopics, upsertTopicChoice } from "@/db/queries/topics";
import type { TTopic } from "@/db/schema";
import { statusOfChoice, type TTopicChoices } from "./topic-schemas";

export type TTopicState = {
  topic: TTopic;
  status: "subscribed" | "unsubscribed";
  /** false: the topic's default, the contact never said. */
  explicit: boolean;
  source: string | null;
  changedAt: Date | null;
};

/** Every topic of the workspace with where the contact stands (their choice, else the default). */
export async function contactTopicStates(
  workspaceId: string,
  contactId: string,
  ex?: Executor,
): Promise<TTopicState[]> {
  const [topics, choices] = await Promise.all([
    listTopics(workspaceId, ex),
    contactTopicChoices(workspaceId, contactId, ex),
  ]);
  const byTopic = new Map(choices.map((c) => [c.topicId, c]));
  return topics.map((topic) => {
    const c = byTopic.get(topic.id);
    return {
      topic,
      status: c?.status ?? (topic.defaultSubscribed ? "subscribed" : "unsubscribed"),
      explicit: Boolean(c),
      source: c?.source ?? null,
      changedAt: c?.changedAt ?? null,
    };
  });
}

/**
 * The same for many contacts at once (an identify batch, a CSV import chunk): the topics are read
 * once. Keys without a topic are ignored.
 */
export async function applyTopicChoicesMany(
  tx: Executor,
  workspaceId: string,
  entries: { contactId: string; choices: TTopicChoices }[],
  source: string,
): Promise<void> {
  if (!entries.length) return;
  const topics = new Map((await listTopics(workspaceId, tx)).map((t) => [t.key, t]));
  for (const { contactId, choices } of entries)
    for (const [key, value] of Object.entries(choices)) {
      const topic = topics.get(key);
      if (topic)
        await upsertTopicChoice(
          { workspaceId, contactId, topicId: topic.id, status: statusOfChoice(value), source },
          tx,
        );
    }
}

/**
 * Records a contact's choices by topic key (identify, CSV import, the profile, the preference
 * center), inside the caller's transaction. Keys the workspace has no topic for are returned, not
 * applied: a customer's app may know topics before an admin makes them.
 */
export async function applyTopicChoices(
  tx: Executor,
  input: { workspaceId: string; contactId: string; choices: TTopicChoices; source: string },
): Promise<{ applied: string[]; unknown: string[] }> {
  const keys = Object.keys(input.choices);
  if (!keys.length) return { applied: [], unknown: [] };
  const topics = new Map((await listTopics(input.workspaceId, tx)).map((t) => [t.key, t]));
  const applied: string[] = [];
  const unknown: string[] = [];
  for (const key of keys) {
    const topic = topics.get(key);
    if (!topic) {
      unknown.push(key);
      continue;
    }
    await upsertTopicChoice(
      {
        workspaceId: input.workspaceId,
        contactId: input.contactId,
        topicId: topic.id,
        status: statusOfChoice(input.choices[key]!),
        source: input.source,
      },
      tx,
    );
    applied.push(key);
  }
  return { applied, unknown };
}
