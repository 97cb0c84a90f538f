import type { TCampaignDeliveryStatus, TCampaignState } from "@/db/schema";

export const STATE_TONE: Record<TCampaignState, "neutral" | "brand" | "green" | "amber" | "red"> = {
  draft: "neutral",
  scheduled: "brand",
  running: "brand",
  paused: "amber",
  completed: "green",
  cancelled: "neutral",
  failed: "red",
};

export const STATE_LABEL: Record<string, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  running: "Running",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
  failed: "Failed",
  snapshotting: "Starting",
  sending: "Sending",
};

/** Every delivery outcome, in the order the run page lists them. */
export const DELIVERY_LABEL: Record<TCampaignDeliveryStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  opted_out: "Skipped: opted out",
  no_address: "Skipped: no address",
  suppressed: "Skipped: suppressed",
  holdout: "Holdout (control)",
  frequency_cap: "Skipped: frequency cap",
  quiet_hours: "Skipped: quiet hours",
  expired: "Skipped: expired",
  cancelled: "Skipped: cancelled",
};
