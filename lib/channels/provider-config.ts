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
});

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
  ZOutboxConfig,
  ZInAppConfig,
]);

export type TSmtpConfig = z.infer<typeof ZSmtpConfig>;
export type TTwilioConfig = z.infer<typeof ZTwilioConfig>;
export type TFcmConfig = z.infer<typeof ZFcmConfig>;
export type TApnsConfig = z.infer<typeof ZApnsConfig>;
export type TWebhookConfig = z.infer<typeof ZWebhookConfig>;
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
  outbox: ["email", "sms", "push", "voice", "in_app", "webhook"],
  in_app: ["in_app"],
};

export function apnsBaseUrl(config: TApnsConfig): string {
  return config.baseUrl ?? (config.sandbox ? APNS_SANDBOX_URL : APNS_PRODUCTION_URL);
}
