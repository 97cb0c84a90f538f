import type { TCampaignState } from "@/db/schema";

export const STATE_TONE: Record<TCampaignState, "neutral" | "brand" | "green" | "amber" | "red"> = {
  draft: "neutral",
  scheduled: "brand",
  running: "brand",
  paused: "amber",
  completed: "green",
  cancelled: "neutral",
  failed: "red",
};
