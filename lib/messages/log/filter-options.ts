import { MESSAGE_STATUSES } from "@/db/schema";

const STATUS_NAMES = {
  queued: "Queued",
  sending: "Sending",
  skipped: "Skipped",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
} as const;

export const KIND_OPTIONS = [
  { value: "transactional", label: "Transactional" },
  { value: "bulk", label: "Journeys & campaigns" },
];

/** The filter menus' choices, plain data so the client form needs no schema import. */
export const STATUS_OPTIONS = MESSAGE_STATUSES.map((value) => ({
  value,
  label: STATUS_NAMES[value],
}));
