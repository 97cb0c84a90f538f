import type { TConfigurableProvider } from "@/lib/messages/send/configure-channel-provider";
import { field, type TChannelProvidersT, type TKeyed } from "./aws-provider-specs";

/**
 * The form of each provider kind, field for field with its zod schema in lib/channels/provider-config.ts.
 * `name` is the dotted path in the config, which is also the key of the field's error in a 400.
 */
export type TFieldSpec = {
  name: string;
  label: string;
  type: "text" | "number" | "url" | "email" | "secret" | "secret-textarea" | "switch" | "select";
  /** A select's choices: the stored value and its words. */
  options?: readonly { value: string; label: string }[];
  /** A heading shown before this field, starting a group (send rate, warm-up). */
  section?: string;
  placeholder?: string;
  hint?: string;
  /** Where the `{ set }` marker of a secret lives when it is not `name` (the FCM key inside the JSON). */
  setPath?: string;
};

export type TProviderSpec = {
  kind: TConfigurableProvider;
  title: string;
  description: string;
  /** What happens to the channels when the provider is removed. */
  removeNote: string;
  fields: readonly TFieldSpec[];
};

/**
 * The SMTP, Twilio-compatible, FCM, APNs and webhook forms, worded from the `channelProviders`
 * catalogue (the page passes its translator), like the AWS ones in aws-provider-specs.ts.
 */
export function providerSpecs(t: TChannelProvidersT, has: (k: string) => boolean): TProviderSpec[] {
  const f = (fields: readonly TKeyed[]) => fields.map((x) => field(t, x, has));
  return [
    {
      kind: "smtp",
      title: t("smtpTitle"),
      description: t("smtpDescription"),
      removeNote: t("smtpRemoveNote"),
      fields: f([
        { name: "host", key: "host", type: "text", example: "smtp.acme.com" },
        { name: "port", key: "port", type: "number", example: "587" },
        { name: "secure", key: "secure", type: "switch" },
        { name: "user", key: "user", type: "text", example: "apikey" },
        { name: "password", key: "password", type: "secret" },
        {
          name: "from",
          key: "sesFrom",
          type: "email",
          example: "hello@acme.com",
          hint: "smtpFromHint",
        },
        { name: "fromName", key: "fromName", type: "text" },
        { name: "returnPath", key: "returnPath", type: "text", example: "bounces@mail.acme.com" },
      ]),
    },
    {
      kind: "twilio",
      title: t("twilioTitle"),
      description: t("twilioDescription"),
      removeNote: t("twilioRemoveNote"),
      fields: f([
        {
          name: "baseUrl",
          key: "apiBaseUrl",
          type: "url",
          example: "https://api.twilio.com",
          hint: "twilioBaseUrlHint",
        },
        {
          name: "accountSid",
          key: "accountSid",
          type: "text",
          example: "AC0123456789abcdef0123456789abcdef",
        },
        { name: "authToken", key: "authToken", type: "secret" },
        { name: "fromNumber", key: "fromNumber", type: "text", example: "+14155550100" },
        {
          name: "voice.voice",
          key: "voiceId",
          type: "text",
          example: "Polly.Joanna",
          hint: "callVoiceHint",
        },
        { name: "voice.language", key: "callLanguage", type: "text", example: "en-US" },
      ]),
    },
    {
      kind: "fcm",
      title: t("fcmTitle"),
      description: t("fcmDescription"),
      removeNote: t("fcmRemoveNote"),
      fields: f([
        {
          name: "serviceAccount",
          key: "serviceAccount",
          type: "secret-textarea",
          setPath: "serviceAccount.private_key",
          example:
            '{ "type": "service_account", "project_id": "acme-app", "private_key": "-----BEGIN PRIVATE KEY-----…", "client_email": "…" }',
        },
        {
          name: "baseUrl",
          key: "apiBaseUrl",
          type: "url",
          example: "https://fcm.googleapis.com",
          hint: "fcmBaseUrlHint",
        },
      ]),
    },
    {
      kind: "apns",
      title: t("apnsTitle"),
      description: t("apnsDescription"),
      removeNote: t("apnsRemoveNote"),
      fields: f([
        { name: "keyId", key: "keyId", type: "text", example: "ABC123DEFG" },
        { name: "teamId", key: "teamId", type: "text", example: "DEF123GHIJ" },
        { name: "bundleId", key: "bundleId", type: "text", example: "com.acme.app" },
        {
          name: "privateKey",
          key: "signingKey",
          type: "secret-textarea",
          example: "-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----",
        },
        { name: "sandbox", key: "sandbox", type: "switch" },
        { name: "baseUrl", key: "apnsBaseUrl", type: "url", example: "https://api.push.apple.com" },
      ]),
    },
    {
      kind: "webhook",
      title: t("webhookTitle"),
      description: t("webhookDescription"),
      removeNote: t("webhookRemoveNote"),
      fields: f([
        {
          name: "url",
          key: "webhookUrl",
          type: "url",
          example: "https://hooks.acme.com/waymark",
        },
        { name: "secret", key: "signingSecret", type: "secret" },
      ]),
    },
  ];
}
