import {
  deleteTopic,
  findSubscriptionSettings,
  insertTopic,
  listTopics,
  saveSubscriptionSettings,
  updateTopic,
} from "@/db/queries/topics";
import { ConflictError, NotFoundError } from "@/lib/errors";
import {
  topicKeyFromName,
  type TTopicInput,
  type ZSubscriptionSettings,
  type ZTopicUpdate,
} from "./topic-schemas";
import type { z } from "zod";

/** Settings → Topics: admins make, change and delete topics; everyone reads them. */
export async function createTopic(workspaceId: string, input: TTopicInput) {
  const key = input.key ?? topicKeyFromName(input.name);
  const created = await insertTopic({
    workspaceId,
    key,
    name: input.name,
    description: input.description,
    defaultSubscribed: input.defaultSubscribed,
    channels: input.channels,
  });
  if (!created)
    throw new ConflictError(
      `A topic with the key "${key}" exists`,
      { key: "already used by another topic" },
      { code: "key_taken", values: { key } },
    );
  return created;
}

export async function editTopic(
  workspaceId: string,
  topicId: string,
  input: z.infer<typeof ZTopicUpdate>,
) {
  const row = await updateTopic(workspaceId, topicId, input);
  if (!row) throw new NotFoundError("No such topic");
  return row;
}

/** Its contacts' choices go with it; templates and campaigns that named it name none. */
export async function removeTopic(workspaceId: string, topicId: string) {
  if (!(await deleteTopic(workspaceId, topicId))) throw new NotFoundError("No such topic");
}

export const DEFAULT_BRAND_COLOR = "#2563eb";

export async function loadSubscriptionSettings(workspaceId: string) {
  const row = await findSubscriptionSettings(workspaceId);
  return {
    brandColor: row?.brandColor ?? DEFAULT_BRAND_COLOR,
    smsHelpText: row?.smsHelpText ?? null,
  };
}

export async function updateSubscriptionSettings(
  workspaceId: string,
  userId: string | null,
  input: z.infer<typeof ZSubscriptionSettings>,
) {
  await saveSubscriptionSettings(workspaceId, {
    brandColor: input.brandColor,
    smsHelpText: input.smsHelpText?.trim() ? input.smsHelpText.trim() : null,
    updatedBy: userId,
  });
  return loadSubscriptionSettings(workspaceId);
}

export { listTopics };
