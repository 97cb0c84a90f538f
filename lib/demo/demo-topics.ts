import { db } from "@/db";
import { listTopics } from "@/db/queries/topics";
import { findContactIdByExternalId } from "@/db/queries/merge-contacts";
import { applyTopicChoicesMany } from "@/lib/topics/contact-topics";
import { createTopic } from "@/lib/topics/manage-topics";

export const DEMO_TOPICS = [
  {
    key: "product-news",
    name: "Product news",
    description: "New features and the weekly newsletter.",
    channels: ["email"],
  },
  {
    key: "deals",
    name: "Deals",
    description: "Discounts and limited-time offers.",
    channels: ["email", "sms"],
  },
  {
    key: "account-alerts",
    name: "Account alerts",
    description: "Usage limits, billing and security notices.",
    channels: ["email", "sms", "push"],
  },
] as const;

/** Demo contacts who left a topic, so the profile, segments and skipped sends show it working. */
const DEMO_CHOICES: { userId: string; choices: Record<string, "unsubscribed"> }[] = [
  { userId: "demo-user-003", choices: { deals: "unsubscribed" } },
  { userId: "demo-user-007", choices: { deals: "unsubscribed", "product-news": "unsubscribed" } },
  { userId: "demo-user-012", choices: { "product-news": "unsubscribed" } },
];

/**
 * The demo's subscription topics (all opt-out: everyone is in until they leave), and a few demo
 * contacts who left one. Seeded once: a workspace with any topic is left as it is.
 */
export async function seedDemoTopics(workspaceId: string) {
  if ((await listTopics(workspaceId)).length) return;
  for (const t of DEMO_TOPICS)
    await createTopic(workspaceId, {
      key: t.key,
      name: t.name,
      description: t.description,
      defaultSubscribed: true,
      channels: [...t.channels],
    });
  await db().transaction(async (tx) => {
    const entries = [];
    for (const c of DEMO_CHOICES) {
      const contactId = await findContactIdByExternalId(workspaceId, c.userId, tx);
      if (contactId) entries.push({ contactId, choices: c.choices });
    }
    await applyTopicChoicesMany(tx, workspaceId, entries, "api");
  });
}

/** The topic a demo campaign is about, by key; null when the demo has no such topic. */
export async function demoTopicId(workspaceId: string, key: string) {
  return (await listTopics(workspaceId)).find((t) => t.key === key)?.id ?? null;
}
