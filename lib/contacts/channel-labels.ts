import type { SUBSCRIPTION_CHANNELS } from "@/lib/ingest/schemas";

export type TSubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];

/** Where an opt-in or opt-out came from, in the words a marketer uses. */
export const SOURCE_LABELS: Record<string, string> = {
  api: "API",
  ui: "Waymark UI",
  import: "CSV import",
  unsubscribe_link: "Unsubscribe link",
  sms_keyword: "SMS STOP keyword",
  complaint: "Spam complaint",
};

export const sourceLabel = (s: string) => SOURCE_LABELS[s] ?? s;
