import { z } from "zod";
import { ZAttributes } from "@/lib/contacts/attributes";
import { isTimeZone } from "@/lib/validation/time-zone";

/**
 * The Segment Tracking API spec as the Segment and RudderStack SDKs send it, plus Waymark's own
 * fields (`email`, `phone`, `attributes`, `pushTokens`, `subscriptions`, profile fields). Known
 * top-level fields only, so a typo is an error rather than silently dropped data; `context` and
 * `integrations` stay free-form as in the spec.
 */
const ZId = z
  .union([z.string(), z.number()], {
    error: (iss) => (iss.input === undefined ? "is required" : "must be a string"),
  })
  .transform(String)
  .pipe(
    z
      .string()
      .trim()
      .min(1, { error: "cannot be empty" })
      .max(200, { error: "must be at most 200 characters" }),
  );

const ZTimestamp = z.iso.datetime({
  offset: true,
  local: true,
  error: "must be an ISO 8601 date-time",
});

export const SUBSCRIPTION_CHANNELS = ["all", "email", "sms", "push", "voice", "in_app"] as const;

/**
 * `subscriptions`: a channel name (or "all") opts in or out of the channel; any other key is a
 * subscription topic's key. Values: "subscribed" / "unsubscribed", or true / false.
 */
export const ZSubscriptions = z.record(
  z.string().max(63),
  z.union([z.enum(["subscribed", "unsubscribed"]), z.boolean()], {
    error: 'must be "subscribed", "unsubscribed", true or false',
  }),
  { error: "must be an object" },
);

const ZCommon = {
  userId: ZId.optional().describe("Your id for the user; userId or anonymousId is required"),
  anonymousId: ZId.optional().describe(
    "A device or visitor id before sign-in; merged into the user when both are sent",
  ),
  messageId: z
    .string()
    .min(1)
    .max(200, { error: "must be at most 200 characters" })
    .optional()
    .describe('Idempotency key: a repeat is answered "duplicate" and stored once'),
  timestamp: ZTimestamp.optional().describe(
    "When it happened (ISO 8601); defaults to now, past times accepted",
  ),
  originalTimestamp: ZTimestamp.optional(),
  sentAt: ZTimestamp.optional(),
  receivedAt: ZTimestamp.optional(),
  context: z
    .record(z.string(), z.unknown(), { error: "must be an object" })
    .optional()
    .describe("Segment context: timezone, locale, location, device.token/type are read"),
  integrations: z.record(z.string(), z.unknown()).optional(),
  channel: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  writeKey: z
    .string()
    .optional()
    .describe("The API key, for clients that cannot set headers (Segment's browser library)"),
  _metadata: z.unknown().optional(),
};

export const ZPushToken = z.object({
  token: z.string().min(8, { error: "looks too short for a device token" }).max(4096),
  platform: z.enum(["ios", "android", "web"], { error: "must be ios, android or web" }),
});

const ZProfile = {
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "must be a valid email address" }))
    .nullable()
    .optional()
    .describe("Stored lower-cased; null clears it"),
  phone: z
    .string()
    .trim()
    .max(32)
    .nullable()
    .optional()
    .describe("E.164, or national with the contact's country; stored as E.164"),
  timezone: z
    .string()
    .refine(isTimeZone, { error: "must be an IANA time zone like Europe/Paris" })
    .nullable()
    .optional(),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, { error: "must be a locale like en-US" })
    .nullable()
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, { error: "must be an ISO 3166 two-letter country code" })
    .nullable()
    .optional(),
  city: z.string().max(100).nullable().optional(),
  attributes: ZAttributes.optional().describe("Typed attributes to set; null removes one"),
  pushTokens: z
    .array(ZPushToken)
    .max(20)
    .optional()
    .describe("Device tokens with their platform (ios, android, web)"),
  subscriptions: ZSubscriptions.optional().describe(
    'Opt in or out per channel (email, sms, push, voice, in_app, or everywhere with "all"), and join or leave subscription topics by key ("deals": false); also read from traits.subscriptions',
  ),
};

const ZProperties = z
  .record(z.string().max(128), z.unknown(), { error: "must be an object" })
  .optional();

export const ZIdentify = z.strictObject({
  type: z.literal("identify").optional(),
  ...ZCommon,
  traits: z
    .record(z.string(), z.unknown(), { error: "must be an object" })
    .optional()
    .describe(
      "Segment traits: email, phone and address become channels and location, the rest attributes",
    ),
  ...ZProfile,
});

export const ZTrack = z.strictObject({
  type: z.literal("track").optional(),
  ...ZCommon,
  event: z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(200)
    .refine((e) => !e.startsWith("$"), { error: "names starting with $ are reserved" }),
  properties: ZProperties,
});

export const ZPage = z.strictObject({
  type: z.enum(["page", "screen"]).optional(),
  ...ZCommon,
  name: z.string().max(200).optional(),
  category: z.string().max(200).optional(),
  properties: ZProperties,
});

export const ZAlias = z.strictObject({
  type: z.literal("alias").optional(),
  ...ZCommon,
  previousId: ZId,
  userId: ZId,
});

/** Segment's `group`: the contact belongs to account `groupId`, whose traits are merged in. */
export const ZGroup = z.strictObject({
  type: z.literal("group").optional(),
  ...ZCommon,
  groupId: ZId.describe("Your id for the account (company, team)"),
  traits: z
    .record(z.string(), z.unknown(), { error: "must be an object" })
    .optional()
    .describe("Account traits, typed like attributes (plan, seats…); null removes one"),
});

export type TIdentifyInput = z.infer<typeof ZIdentify>;
export type TTrackInput = z.infer<typeof ZTrack>;
export type TPageInput = z.infer<typeof ZPage>;
export type TAliasInput = z.infer<typeof ZAlias>;

export type TGroupInput = z.infer<typeof ZGroup>;

export const CALL_TYPES = ["identify", "track", "page", "screen", "alias", "group"] as const;
export type TCallType = (typeof CALL_TYPES)[number];

export const SCHEMA_BY_TYPE = {
  identify: ZIdentify,
  track: ZTrack,
  page: ZPage,
  screen: ZPage,
  alias: ZAlias,
  group: ZGroup,
} as const;

export const MAX_BATCH_ITEMS = 1000;
