import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import {
  campaignDefaultsOf,
  updateCampaignDefaults,
  ZCampaignDefaults,
} from "@/lib/campaigns/campaign-limits";

/** The workspace's default campaign limits; any member may read them (the editor shows them). */
export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json(await campaignDefaultsOf(workspace.id)),
);

/**
 * `{ messagesPerSecond?, dailyCapPerContact?, totalCapPerContact?, quietHours?, maxDurationMinutes? }`:
 * an absent field has no workspace default. Admins only, like the Settings page.
 */
export const PUT = withWorkspace("manage", async (req, { workspace }) => {
  const input = await parseJson(req, ZCampaignDefaults);
  return NextResponse.json(await updateCampaignDefaults(workspace.id, input));
});
