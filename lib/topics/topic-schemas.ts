import { z } from "zod";
import { CHANNELS } from "@/db/schema/contacts";

/**
 * Keys a topic cannot take: identify's subscriptions and a CSV import's opt-out columns read
 * these as channels (or every channel), so a topic named so would be unreachable, or worse.
 */
export const RESERVED_TOPIC_KEYS: readonly string[] = [...CHANNELS, "all"];

/** What the API, segments and CSV columns call a topic: lower-case letters, digits, `_` and `-`. */
export const ZTopicKey = z
  .string({ error: "must be a topic key" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, {
    error: "must be lower-case letters, digits, _ or - (up to 63)",
  });

export const ZTopicInput = z.strictObject({
  /** Derived from the name when absent; never changes once made. */
  key: ZTopicKey.refine((k) => !RESERVED_TOPIC_KEYS.includes(k), {
    error: "is a channel's name: choose another key",
  }).optional(),
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, { error: "Name is required" })
    .max(80, { error: "Name must be at most 80 characters" }),
  description: z.string().trim().max(300).default(""),
  /** true: opt-out topic (everyone is in until they leave); false: opt-in. */
  defaultSubscribed: z.boolean({ error: "must be true or false" }).default(true),
  channels: z
    .array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(", ")}` }))
    .min(1, { error: "choose at least one channel" })
    .max(CHANNELS.length)
    .default(["email"]),
});
export type TTopicInput = z.infer<typeof ZTopicInput>;
export const ZTopicUpdate = ZTopicInput.omit({ key: true }).partial();

/**
 * A contact's choices as identify, the profile and CSV import give them:
 * `{ "deals": false, "product-news": "subscribed" }`. true / "subscribed" joins, false /
 * "unsubscribed" leaves.
 */
export const ZTopicChoices = z
  .record(
    ZTopicKey,
    z.union([z.boolean(), z.enum(["subscribed", "unsubscribed"])], {
      error: 'must be true, false, "subscribed" or "unsubscribed"',
    }),
  )
  .refine((v) => Object.keys(v).length <= 100, { error: "at most 100 topics at once" });
export type TTopicChoices = z.infer<typeof ZTopicChoices>;

export const statusOfChoice = (v: TTopicChoices[string]) =>
  v === true || v === "subscribed" ? ("subscribed" as const) : ("unsubscribed" as const);

export const ZSubscriptionSettings = z.strictObject({
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a colour like #2563eb" })
    .default("#2563eb"),
  /** "" or null: the built-in answer. */
  smsHelpText: z.string().trim().max(320, { error: "at most 320 characters" }).nullable(),
});

/** A key from a name: "Product news" → "product-news". */
export function topicKeyFromName(name: string): string {
  const k = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
  // A topic called "Email" or "All" gets "email-topic": the bare word means a channel.
  if (RESERVED_TOPIC_KEYS.includes(k)) return `${k}-topic`;
  return k || "topic";
}
