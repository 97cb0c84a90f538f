import { SEND_CHANNELS, type TSendChannel } from "./types";

export type TChannelMeta = {
  /** In titles, menus and badges: "In-app". */
  label: string;
  /** Mid-sentence, keeping acronyms: "opted out of SMS", "no in-app messages". */
  inSentence: string;
  /** What one message of the channel is called: "Send voice call". */
  noun: string;
  /** One line under the channel in the new-template picker. */
  hint: string;
};

/**
 * How every page and message names a channel (the icons are in components/ui/channel-icon.tsx).
 * Contact event names ("Voice Call Opened") are data, not labels: see lib/messaging/message-event-names.ts.
 */
export const CHANNEL_META: Record<TSendChannel, TChannelMeta> = {
  email: {
    label: "Email",
    inSentence: "email",
    noun: "email",
    hint: "Blocks, theme, subject and preheader",
  },
  sms: {
    label: "SMS",
    inSentence: "SMS",
    noun: "SMS",
    hint: "Text message with a segment counter",
  },
  push: {
    label: "Push",
    inSentence: "push",
    noun: "push",
    hint: "Mobile notification with data and deep link",
  },
  voice: {
    label: "Voice",
    inSentence: "voice",
    noun: "voice call",
    hint: "Text or SSML read out on a call",
  },
  in_app: {
    label: "In-app",
    inSentence: "in-app",
    noun: "in-app message",
    hint: "Card shown by the embed script",
  },
  webhook: {
    label: "Webhook",
    inSentence: "webhook",
    noun: "webhook message",
    hint: "JSON body posted to your endpoint",
  },
};

const metaOf = (c: string): TChannelMeta | undefined =>
  Object.hasOwn(CHANNEL_META, c) ? CHANNEL_META[c as TSendChannel] : undefined;

/** A channel's label; anything else (an old or unknown value) shows as it is. */
export const channelLabel = (c: string) => metaOf(c)?.label ?? c;
export const channelInSentence = (c: string) => metaOf(c)?.inSentence ?? c;

/**
 * Opt-in and opt-out channels add `all` (every channel at once); `inSentence` for mid-sentence use:
 * "Opted out of all channels", "Opted in to SMS".
 */
export function subscriptionChannelLabel(c: string, inSentence = false): string {
  if (c === "all") return inSentence ? "all channels" : "All channels";
  return inSentence ? channelInSentence(c) : channelLabel(c);
}

/** The channel menus' choices, in the order channels are listed everywhere. */
export const CHANNEL_OPTIONS = SEND_CHANNELS.map((value) => ({
  value,
  label: CHANNEL_META[value].label,
}));
