import { createApnsProvider } from "./apns-provider";
import { createAwsSmsProvider } from "./aws-sms-provider";
import { createFcmProvider } from "./fcm-provider";
import { createInAppProvider } from "./in-app-provider";
import { createOutboxProvider } from "./outbox-provider";
import type { TProviderConfig, TTwilioConfig } from "./provider-config";
import { createPushProvider } from "./push-provider";
import { createSesProvider } from "./ses-provider";
import { createSmtpProvider } from "./smtp-provider";
import { createTwilioSmsProvider } from "./twilio-sms-provider";
import { createTwilioVoiceProvider } from "./twilio-voice-provider";
import type {
  ChannelProvider,
  TPushMessage,
  TSendChannel,
  TSmsMessage,
  TVoiceMessage,
} from "./types";
import { createWebhookProvider } from "./webhook-provider";

export type TProviderOptions = {
  /** Per-request deadline for HTTP providers and SMTP socket timeouts. */
  timeoutMs?: number;
};

/** One Twilio account serves both SMS and voice; each message goes to the API for its channel. */
function createTwilioProvider(
  config: TTwilioConfig,
  options: TProviderOptions,
): ChannelProvider<TSmsMessage | TVoiceMessage> {
  const sms = createTwilioSmsProvider(config, options);
  const voice = createTwilioVoiceProvider(config, options);
  return { kind: "twilio", send: (m) => (m.channel === "sms" ? sms.send(m) : voice.send(m)) };
}

/**
 * The provider for one validated, opened config (see secret-box `openConfig`). Its `send` must
 * only get messages of the channels PROVIDER_CHANNELS lists for the kind; call `close()` when done.
 */
export function createProvider(
  config: TProviderConfig,
  options: TProviderOptions = {},
): ChannelProvider {
  let provider: ChannelProvider<never>;
  switch (config.kind) {
    case "smtp":
      provider = createSmtpProvider(config, options);
      break;
    case "twilio":
      provider = createTwilioProvider(config, options);
      break;
    case "fcm":
      provider = createFcmProvider(config, options);
      break;
    case "apns":
      provider = createApnsProvider(config, options);
      break;
    case "webhook":
      provider = createWebhookProvider(config, options);
      break;
    case "ses":
      provider = createSesProvider(config, options);
      break;
    case "aws_sms":
      provider = createAwsSmsProvider(config, options);
      break;
    case "in_app":
      provider = createInAppProvider();
      break;
    case "outbox":
      provider = createOutboxProvider();
      break;
  }
  // Narrowing by channel is the caller's contract (PROVIDER_CHANNELS); the union type cannot express it.
  return provider as unknown as ChannelProvider;
}

/**
 * Which configured provider sends email, SMS and voice when a workspace has set up more than one
 * for the channel: the AWS one first (a workspace that moved from Pinpoint configures it on
 * purpose; SMTP or Twilio stay as they were until it is removed).
 */
export const CHANNEL_PREFERENCE = {
  email: ["ses", "smtp"],
  sms: ["aws_sms", "twilio"],
  voice: ["aws_sms", "twilio"],
  push: ["fcm", "apns"],
  webhook: ["webhook"],
  in_app: [],
} as const satisfies Record<TSendChannel, readonly TProviderConfig["kind"][]>;

/** The config that delivers `channel` (not the outbox fallback), or undefined. */
export function deliveringConfig(
  channel: TSendChannel,
  configs: readonly TProviderConfig[],
): TProviderConfig | undefined {
  for (const kind of CHANNEL_PREFERENCE[channel]) {
    const c = configs.find((x) => x.kind === kind);
    if (c) return c;
  }
  return undefined;
}

/**
 * The provider that delivers `channel` given one workspace's configs: the real provider for the
 * channel when one is configured (push combines FCM and APNs), else the outbox when configured,
 * else in-app's built-in inbox for `in_app`, else null (the channel is not set up).
 */
export function createChannelProvider(
  channel: TSendChannel,
  configs: readonly TProviderConfig[],
  options: TProviderOptions = {},
): ChannelProvider | null {
  const find = <K extends TProviderConfig["kind"]>(kind: K) =>
    configs.find((c): c is Extract<TProviderConfig, { kind: K }> => c.kind === kind);
  const outbox = () => (find("outbox") ? createOutboxProvider() : null);
  switch (channel) {
    case "email":
    case "sms":
    case "voice": {
      const c = deliveringConfig(channel, configs);
      return c ? createProvider(c, options) : outbox();
    }
    case "push": {
      const fcm = find("fcm");
      const apns = find("apns");
      if (!fcm && !apns) return outbox();
      return createPushProvider({
        fcm: fcm ? (createFcmProvider(fcm, options) as ChannelProvider<TPushMessage>) : undefined,
        apns: apns ? createApnsProvider(apns, options) : undefined,
      }) as unknown as ChannelProvider;
    }
    case "webhook": {
      const c = find("webhook");
      return c ? createProvider(c, options) : outbox();
    }
    case "in_app":
      return createInAppProvider() as unknown as ChannelProvider;
  }
}
