import { z } from "zod";
import type { TSendChannel } from "./types";

/**
 * Settings of each delivery provider, as an admin enters them and as they are stored (with the
 * fields in SECRET_FIELDS sealed by secret-box). Every base URL is configurable so tests and
 * self-hosters can point a provider at a sink or a compatible service.
 */

const ZHttpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((u) => u.replace(/\/+$/, ""));
const ZBaseUrl = (fallback: string) => ZHttpUrl.default(fallback);

/**
 * How fast one provider account may be sent to, shared by every process through a Postgres token
 * bucket (lib/channels/provider-limits.ts): the SES account's per-second quota, a 10DLC
 * campaign's throughput. Absent: no limit beyond each campaign's own.
 */
const ZSendRate = {
  messagesPerSecond: z.coerce
    .number({ error: "must be a number" })
    .positive("must be more than 0")
    .max(100_000, "must be at most 100000")
    .optional(),
};

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new sending domain's warm-up: on day d after `startDate` (UTC days) campaigns may send at most
 * `startPerDay × growthFactor^d` messages through this provider, until that reaches `maxPerDay`
 * (or, without it, a day at the full send rate), when the plan is over. Over-cap deliveries wait
 * for the next day; the most engaged contacts go first.
 */
export const ZWarmUp = z.object({
  enabled: z.boolean().default(false),
  startDate: z
    .string()
    .regex(YMD, "must be a date like 2026-01-31")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "must be a real date")
    .default(() => new Date().toISOString().slice(0, 10)),
  startPerDay: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .default(50),
  growthFactor: z.coerce
    .number({ error: "must be a number" })
    .min(1, "must be at least 1")
    .max(10, "must be at most 10")
    .default(2),
  maxPerDay: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .optional(),
});
export type TWarmUp = z.infer<typeof ZWarmUp>;

/** AWS region names: `us-east-1`, `ap-southeast-2`, `us-gov-west-1`. */
const ZAwsRegion = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "must be an AWS region such as us-east-1");

/**
 * How an AWS client signs: with an access key stored here (sealed), or with the SDK's default
 * credential chain (environment, shared config, ECS/EC2 instance role), which the admin chooses
 * when Waymark runs inside AWS with a role.
 */
const ZAwsAccess = {
  region: ZAwsRegion,
  credentials: z.enum(["access_key", "default_chain"]).default("access_key"),
  accessKeyId: z.string().trim().optional(),
  secretAccessKey: z.string().optional(),
  /** Overrides the regional AWS endpoint (VPC endpoints, compatible services, tests). */
  endpoint: ZHttpUrl.optional(),
};

function requireAccessKey(
  c: { credentials: string; accessKeyId?: string; secretAccessKey?: string },
  ctx: z.core.$RefinementCtx,
) {
  if (c.credentials !== "access_key") return;
  if (!c.accessKeyId)
    ctx.addIssue({ code: "custom", path: ["accessKeyId"], message: "is required" });
  if (!c.secretAccessKey)
    ctx.addIssue({ code: "custom", path: ["secretAccessKey"], message: "is required" });
}

export const ZSmtpConfig = z.object({
  kind: z.literal("smtp"),
  host: z.string().trim().min(1, "is required"),
  port: z.coerce.number().int().min(1).max(65535).default(587),
  /** Implicit TLS from the first byte (port 465). When false, STARTTLS is still used if offered. */
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  /** Default sender address when a message has none of its own. */
  from: z.email("must be an email address"),
  fromName: z.string().optional(),
  /**
   * VERP return path: the envelope sender becomes `local+<message id>@domain`, so a bounce (DSN)
   * sent back to it names its message (docs/deliverability.md#smtp-bounces). Empty: the From address.
   */
  returnPath: z.union([z.literal(""), z.email("must be an email address")]).optional(),
  ...ZSendRate,
  warmUp: ZWarmUp.optional(),
});

export const ZTwilioConfig = z.object({
  kind: z.literal("twilio"),
  baseUrl: ZBaseUrl("https://api.twilio.com"),
  accountSid: z.string().trim().min(1, "is required"),
  authToken: z.string().min(1, "is required"),
  /** E.164 number or alphanumeric sender id used when a message names no sender. */
  fromNumber: z.string().trim().min(1, "is required"),
  voice: z
    .object({
      voice: z.string().min(1).default("Polly.Joanna"),
      language: z.string().min(2).default("en-US"),
    })
    .default({ voice: "Polly.Joanna", language: "en-US" }),
  ...ZSendRate,
});

/** Email through the Amazon SES v2 API (`SendEmail`). */
export const ZSesConfig = z
  .object({
    kind: z.literal("ses"),
    ...ZAwsAccess,
    /** Default sender, a verified SES identity, when a message has none of its own. */
    from: z.email("must be an email address"),
    fromName: z.string().optional(),
    /** Where SES publishes the events (to SNS → Waymark's feedback URL). */
    configurationSetName: z.string().trim().optional(),
    ...ZSendRate,
    warmUp: ZWarmUp.optional(),
  })
  .superRefine(requireAccessKey);

export const AWS_MESSAGE_TYPES = ["TRANSACTIONAL", "PROMOTIONAL"] as const;

/** SMS and voice through AWS End User Messaging (`pinpoint-sms-voice-v2`). */
export const ZAwsSmsConfig = z
  .object({
    kind: z.literal("aws_sms"),
    ...ZAwsAccess,
    /**
     * What messages come from when they name no sender: a phone number, a pool, or an
     * alphanumeric sender id (by value, id or ARN). Calls need a voice-capable phone number.
     */
    originationIdentity: z.string().trim().min(1, "is required"),
    messageType: z.enum(AWS_MESSAGE_TYPES).default("TRANSACTIONAL"),
    configurationSetName: z.string().trim().optional(),
    /** Polly voice for calls, as End User Messaging names it (`JOANNA`, `MATTHEW`…). */
    voiceId: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .default("JOANNA"),
    /** India's DLT registration, required there for every SMS. */
    dltEntityId: z.string().trim().optional(),
    dltTemplateId: z.string().trim().optional(),
    ...ZSendRate,
  })
  .superRefine(requireAccessKey);

export const ZFcmServiceAccount = z.object({
  project_id: z.string().min(1, "is required"),
  client_email: z.string().min(1, "is required"),
  private_key: z.string().min(1, "is required"),
  token_uri: z.url().default("https://oauth2.googleapis.com/token"),
});

export const ZFcmConfig = z.object({
  kind: z.literal("fcm"),
  baseUrl: ZBaseUrl("https://fcm.googleapis.com"),
  /** The service-account JSON file from the Firebase console, pasted whole or as an object. */
  serviceAccount: z.preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, ZFcmServiceAccount),
});

export const APNS_PRODUCTION_URL = "https://api.push.apple.com";
export const APNS_SANDBOX_URL = "https://api.sandbox.push.apple.com";

export const ZApnsConfig = z.object({
  kind: z.literal("apns"),
  /** Overrides the Apple host chosen by `sandbox`. */
  baseUrl: ZHttpUrl.optional(),
  sandbox: z.boolean().default(false),
  keyId: z.string().trim().min(1, "is required"),
  teamId: z.string().trim().min(1, "is required"),
  /** The .p8 signing key (PEM, `-----BEGIN PRIVATE KEY-----`). */
  privateKey: z.string().includes("PRIVATE KEY", { error: "must be the .p8 key in PEM form" }),
  /** The app's bundle id, sent as `apns-topic`. */
  bundleId: z.string().trim().min(1, "is required"),
});

export const ZWebhookConfig = z.object({
  kind: z.literal("webhook"),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  secret: z.string().min(16, "must be at least 16 characters"),
});

export const ZOutboxConfig = z.object({ kind: z.literal("outbox") });
export const ZInAppConfig = z.object({ kind: z.literal("in_app") });

export const ZProviderConfig = z.discriminatedUnion("kind", [
  ZSmtpConfig,
  ZTwilioConfig,
  ZFcmConfig,
  ZApnsConfig,
  ZWebhookConfig,
  ZSesConfig,
  ZAwsSmsConfig,
  ZOutboxConfig,
  ZInAppConfig,
]);

export type TSmtpConfig = z.infer<typeof ZSmtpConfig>;
export type TTwilioConfig = z.infer<typeof ZTwilioConfig>;
export type TFcmConfig = z.infer<typeof ZFcmConfig>;
export type TApnsConfig = z.infer<typeof ZApnsConfig>;
export type TWebhookConfig = z.infer<typeof ZWebhookConfig>;
export type TSesConfig = z.infer<typeof ZSesConfig>;
export type TAwsSmsConfig = z.infer<typeof ZAwsSmsConfig>;
export type TOutboxConfig = z.infer<typeof ZOutboxConfig>;
export type TInAppConfig = z.infer<typeof ZInAppConfig>;
export type TProviderConfig = z.infer<typeof ZProviderConfig>;
export type TProviderKind = TProviderConfig["kind"];

export const PROVIDER_KINDS = [
  "smtp",
  "twilio",
  "fcm",
  "apns",
  "webhook",
  "ses",
  "aws_sms",
  "outbox",
  "in_app",
] as const satisfies readonly TProviderKind[];

/**
 * The one list of secret fields, as dotted paths inside each kind's config. secret-box seals,
 * redacts and keeps exactly these; nothing else in a config may hold a credential.
 */
export const SECRET_FIELDS: { readonly [K in TProviderKind]: readonly string[] } = {
  smtp: ["password"],
  twilio: ["authToken"],
  fcm: ["serviceAccount.private_key"],
  apns: ["privateKey"],
  webhook: ["secret"],
  ses: ["secretAccessKey"],
  aws_sms: ["secretAccessKey"],
  outbox: [],
  in_app: [],
};

/** Which channels a provider of each kind can deliver. The outbox records any channel. */
export const PROVIDER_CHANNELS: { readonly [K in TProviderKind]: readonly TSendChannel[] } = {
  smtp: ["email"],
  twilio: ["sms", "voice"],
  fcm: ["push"],
  apns: ["push"],
  webhook: ["webhook"],
  ses: ["email"],
  aws_sms: ["sms", "voice"],
  outbox: ["email", "sms", "push", "voice", "in_app", "webhook"],
  in_app: ["in_app"],
};

export function apnsBaseUrl(config: TApnsConfig): string {
  return config.baseUrl ?? (config.sandbox ? APNS_SANDBOX_URL : APNS_PRODUCTION_URL);
}
