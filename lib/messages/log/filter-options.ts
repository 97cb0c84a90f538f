import { MESSAGE_STATUSES } from "@/db/schema";
import { SEND_CHANNELS } from "@/lib/channels/types";

const CHANNEL_NAMES = {
  email: "Email",
  sms: "SMS",
  push: "Push",
  voice: "Voice",
  in_app: "In-app",
  webhook: "Webhook",
} as const;
const STATUS_NAMES = {
  queued: "Queued",
  sending: "Sending",
  skipped: "Skipped",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
} as const;

/** The filter menus' choices, plain data so the client form needs no schema import. */
export const CHANNEL_OPTIONS = SEND_CHANNELS.map((value) => ({
  value,
  label: CHANNEL_NAMES[value],
}));
export const STATUS_OPTIONS = MESSAGE_STATUSES.map((value) => ({
  value,
  label: STATUS_NAMES[value],
}));
