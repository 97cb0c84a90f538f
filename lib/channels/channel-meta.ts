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
  /** What a contact needs to be reached on it ("phone number"); null: the workspace's endpoint. */
  address: string | null;
};

/**
 * How every page and message names a channel (the icons are in components/ui/channel-icon.tsx).
 * Contact event names ("Voice Call Opened") are data, not labels: see
 * lib/messages/engagement/message-event-names.ts.
 */
export const CHANNEL_META: Record<TSendChannel, TChannelMeta> = {
  email: {
    label: "Email",
    inSentence: "email",
    noun: "email",
    hint: "Blocks, theme, subject and preheader",
    address: "email address",
  },
  sms: {
    label: "SMS",
    inSentence: "SMS",
    noun: "SMS",
    hint: "Text message with a segment counter",
    address: "phone number",
  },
  push: {
    label: "Push",
    inSentence: "push",
    noun: "push",
    hint: "Mobile notification with data and deep link",
    address: "push token",
  },
  voice: {
    label: "Voice",
    inSentence: "voice",
    noun: "voice call",
    hint: "Text or SSML read out on a call",
    address: "phone number",
  },
  in_app: {
    label: "In-app",
    inSentence: "in-app",
    noun: "in-app message",
    hint: "Card shown by the embed script",
    address: "user id",
  },
  webhook: {
    label: "Webhook",
    inSentence: "webhook",
    noun: "webhook message",
    hint: "JSON body posted to your endpoint",
    address: null,
  },
};

const metaOf = (c: string): TChannelMeta | undefined =>
  Object.hasOwn(CHANNEL_META, c) ? CHANNEL_META[c as TSendChannel] : undefined;

/** A channel's label; anything else (an old or unknown value) shows as it is. */
export const channelLabel = (c: string) => metaOf(c)?.label ?? c;
export const channelInSentence = (c: string) => metaOf(c)?.inSentence ?? c;
/** What a contact lacks to be reachable on a channel ("no phone number"). */
export const channelMissingAddress = (c: string) => {
  const address = metaOf(c)?.address;
  return address ? `no ${address}` : "not reachable";
};
/** One message of the channel, as a name ("Voice call", "SMS"); empty for an unknown channel. */
export function channelMessageName(c: string): string {
  const noun = metaOf(c)?.noun ?? "";
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

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
