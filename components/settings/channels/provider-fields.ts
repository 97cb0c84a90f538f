import type { TConfigurableProvider } from "@/lib/messages/send/configure-channel-provider";

/**
 * The form of each provider kind, field for field with its zod schema in lib/channels/provider-config.ts.
 * `name` is the dotted path in the config, which is also the key of the field's error in a 400.
 */
export type TFieldSpec = {
  name: string;
  label: string;
  type: "text" | "number" | "url" | "email" | "secret" | "secret-textarea" | "switch";
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

const toOutbox = (what: string) =>
  `Until you configure a provider again, ${what} recorded in the Outbox instead of being sent.`;

export const PROVIDER_SPECS: readonly TProviderSpec[] = [
  {
    kind: "smtp",
    title: "Email · SMTP",
    description: "Any SMTP server or relay (Postmark, SES, Mailgun, your own Postfix).",
    removeNote: toOutbox("email is"),
    fields: [
      { name: "host", label: "Host", type: "text", placeholder: "smtp.acme.com" },
      {
        name: "port",
        label: "Port",
        type: "number",
        placeholder: "587",
        hint: "587 (STARTTLS) or 465 (implicit TLS). Blank means 587.",
      },
      {
        name: "secure",
        label: "Implicit TLS",
        type: "switch",
        hint: "On for port 465: TLS from the first byte. Off still upgrades with STARTTLS when the server offers it.",
      },
      { name: "user", label: "User name", type: "text", placeholder: "apikey" },
      { name: "password", label: "Password", type: "secret" },
      {
        name: "from",
        label: "Default sender",
        type: "email",
        placeholder: "hello@acme.com",
        hint: "Used when a template names no sender of its own.",
      },
      { name: "fromName", label: "Sender name", type: "text", placeholder: "Acme" },
    ],
  },
  {
    kind: "twilio",
    title: "SMS and voice · Twilio-compatible",
    description:
      "One account sends both SMS and voice calls, over Twilio's REST API or any service that speaks it.",
    removeNote: toOutbox("SMS and voice calls are"),
    fields: [
      {
        name: "baseUrl",
        label: "API base URL",
        type: "url",
        placeholder: "https://api.twilio.com",
        hint: "Blank means Twilio itself.",
      },
      {
        name: "accountSid",
        label: "Account SID",
        type: "text",
        placeholder: "AC0123456789abcdef0123456789abcdef",
      },
      { name: "authToken", label: "Auth token", type: "secret" },
      {
        name: "fromNumber",
        label: "From number",
        type: "text",
        placeholder: "+14155550100",
        hint: "E.164 number or alphanumeric sender id, used when a message names none.",
      },
      {
        name: "voice.voice",
        label: "Call voice",
        type: "text",
        placeholder: "Polly.Joanna",
        hint: "Text-to-speech voice for calls.",
      },
      { name: "voice.language", label: "Call language", type: "text", placeholder: "en-US" },
    ],
  },
  {
    kind: "fcm",
    title: "Push · Firebase Cloud Messaging",
    description:
      "Android, web and (through Firebase) iOS devices. Push uses FCM and APNs together when both are set.",
    removeNote:
      "Push then goes through APNs only, or to the Outbox when APNs is not configured either.",
    fields: [
      {
        name: "serviceAccount",
        label: "Service account JSON",
        type: "secret-textarea",
        setPath: "serviceAccount.private_key",
        placeholder:
          '{ "type": "service_account", "project_id": "acme-app", "private_key": "-----BEGIN PRIVATE KEY-----…", "client_email": "…" }',
        hint: "Firebase console → Project settings → Service accounts → Generate new private key. Paste the whole file.",
      },
      {
        name: "baseUrl",
        label: "API base URL",
        type: "url",
        placeholder: "https://fcm.googleapis.com",
        hint: "Blank means Google's FCM endpoint.",
      },
    ],
  },
  {
    kind: "apns",
    title: "Push · Apple Push Notification service",
    description:
      "iOS and macOS devices, with a token-based (.p8) key from your Apple developer account.",
    removeNote:
      "Push then goes through FCM only, or to the Outbox when FCM is not configured either.",
    fields: [
      { name: "keyId", label: "Key ID", type: "text", placeholder: "ABC123DEFG" },
      { name: "teamId", label: "Team ID", type: "text", placeholder: "DEF123GHIJ" },
      {
        name: "bundleId",
        label: "Bundle ID",
        type: "text",
        placeholder: "com.acme.app",
        hint: "Your app's bundle id, sent as apns-topic.",
      },
      {
        name: "privateKey",
        label: "Signing key (.p8)",
        type: "secret-textarea",
        placeholder: "-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----",
      },
      {
        name: "sandbox",
        label: "Sandbox",
        type: "switch",
        hint: "Send to Apple's development environment (apps built from Xcode).",
      },
      {
        name: "baseUrl",
        label: "API base URL override",
        type: "url",
        placeholder: "https://api.push.apple.com",
        hint: "Blank means Apple's host for the environment above.",
      },
    ],
  },
  {
    kind: "webhook",
    title: "Webhook",
    description:
      "A signed JSON POST to your endpoint for every message on the webhook channel (Waymark-Signature: t=…,v1=HMAC-SHA256).",
    removeNote: toOutbox("webhook messages are"),
    fields: [
      {
        name: "url",
        label: "Endpoint URL",
        type: "url",
        placeholder: "https://hooks.acme.com/waymark",
      },
      {
        name: "secret",
        label: "Signing secret",
        type: "secret",
        hint: "At least 16 characters; your endpoint verifies the signature with it.",
      },
    ],
  },
];
