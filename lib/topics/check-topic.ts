import { contactsOutOfTopic, findTopic } from "@/db/queries/topics";
import type { TTopic } from "@/db/schema";
import type { TSendChannel } from "@/lib/channels/types";

/** The skip reason a send records: always starts with "topic_opt_out", then the topic's name. */
export const topicSkipReason = (topic: Pick<TTopic, "name">) =>
  `topic_opt_out: not subscribed to "${topic.name}"`;

/**
 * The topic a send is about, when it has one that covers the channel: a topic lists its channels,
 * and a send on another channel is not about it. Transactional sends never ask.
 */
export async function sendTopic(
  workspaceId: string,
  topicId: string | null | undefined,
  channel: TSendChannel,
): Promise<TTopic | null> {
  if (!topicId) return null;
  const topic = await findTopic(workspaceId, topicId);
  return topic && topic.channels.includes(channel) ? topic : null;
}

/**
 * The topic check every marketing send makes beside its opt-out and suppression checks
 * (sendMessage for journeys, test sends and API sends; the campaign batch for campaigns): which
 * of these contacts must not get a message about the topic, each with the skip reason.
 */
export async function topicOptOuts(
  workspaceId: string,
  topic: TTopic | null,
  contactIds: string[],
): Promise<Map<string, string>> {
  if (!topic) return new Map();
  const out = await contactsOutOfTopic(workspaceId, topic, contactIds);
  return new Map([...out].map((id) => [id, topicSkipReason(topic)]));
}
