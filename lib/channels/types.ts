/**
 * The one contract between the send pipeline and the providers that deliver.
 * A provider gets a fully rendered, personalised message (no Liquid left in it) and says what happened;
 * it never touches the database, so the pipeline alone records messages, retries and skips.
 */

/** Where a message goes. `in_app` and `webhook` are channels too: a journey sends to them like to any other. */
export const SEND_CHANNELS = ["email", "sms", "push", "voice", "in_app", "webhook"] as const;
export type TSendChannel = (typeof SEND_CHANNELS)[number];

export type TEmailMessage = {
  channel: "email";
  /** Waymark's message id; providers pass it on where the far side keeps a reference (Message-ID, metadata). */
  messageId: string;
  to: string;
  /** `"Acme <hello@acme.test>"` or a bare address. */
  from: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  headers: Record<string, string>;
};

export type TSmsMessage = {
  channel: "sms";
  messageId: string;
  /** E.164. */
  to: string;
  /** A number or an alphanumeric sender id; the provider's configured number when absent. */
  from?: string;
  body: string;
  /** Where the provider should post delivery receipts. */
  statusCallbackUrl?: string;
};

export type TVoiceMessage = {
  channel: "voice";
  messageId: string;
  to: string;
  from?: string;
  /** Plain text or SSML (`<speak>…</speak>`), spoken once the call is answered. */
  speech: string;
  voice: string;
  /** BCP 47, e.g. `en-US`. */
  language: string;
  statusCallbackUrl?: string;
};

export type TPushTarget = { platform: "ios" | "android" | "web"; token: string };

export type TPushMessage = {
  channel: "push";
  messageId: string;
  targets: TPushTarget[];
  title: string;
  body: string;
  imageUrl?: string;
  deepLink?: string;
  /** String values only: both FCM and APNs custom data travel as strings. */
  data: Record<string, string>;
};

export type TInAppMessage = {
  channel: "in_app";
  messageId: string;
  /** The customer's user id. */
  userId: string;
  title: string;
  body: string;
  imageUrl?: string;
  buttons: { label: string; action: "url" | "deep_link" | "dismiss"; value?: string }[];
};

export type TWebhookMessage = {
  channel: "webhook";
  messageId: string;
  /** Overrides the configured URL for this one message (a journey's custom-action node). */
  url?: string;
  payload: unknown;
};

export type TOutgoingMessage =
  TEmailMessage | TSmsMessage | TVoiceMessage | TPushMessage | TInAppMessage | TWebhookMessage;

export type TSendResult =
  | {
      ok: true;
      /** The far side's id (SMTP Message-ID, Twilio SID, FCM name…), kept to match receipts later. */
      providerMessageId?: string;
      /** `delivered` when the provider is itself the destination (outbox, in-app inbox). */
      status: "sent" | "delivered";
      /** Push only: device tokens the far side says are dead; the pipeline should forget them. */
      invalidTokens?: string[];
      /** Email: the From address as sent (the template's or the provider's default). */
      sender?: string;
    }
  | {
      ok: false;
      /** True when the same message may succeed later (timeouts, 429, 5xx, SMTP 4xx); false for bad addresses, 4xx auth… */
      retryable: boolean;
      /** Short and human: shown in the message log. Never contains secrets. */
      reason: string;
      /** The provider's own code where there is one (`550`, `21211`, `UNREGISTERED`, HTTP status). */
      code?: string;
      /** Seconds the provider asked us to wait (Retry-After). */
      retryAfterSeconds?: number;
      /** Push only: device tokens the far side says are dead; the pipeline should forget them. */
      invalidTokens?: string[];
    };

export interface ChannelProvider<M extends TOutgoingMessage = TOutgoingMessage> {
  /** `smtp`, `twilio`, `fcm`, `apns`, `webhook`, `outbox`, `in_app`. */
  readonly kind: string;
  send(message: M): Promise<TSendResult>;
  /** Releases sockets (SMTP pools, HTTP/2 sessions). */
  close?(): Promise<void>;
}
