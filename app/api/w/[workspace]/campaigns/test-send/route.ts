import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { testSendCampaign, ZCampaignTestSend } from "@/lib/campaigns/test-send-campaign";

type P = { workspace: string };

/**
 * Test sends from the campaign editor (saved or not): each treatment to each chosen address and
 * contact, as test messages. Marketers and admins; an analyst sends nothing.
 */
export const POST = withWorkspace<P>("edit", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZCampaignTestSend);
  return NextResponse.json({ sends: await testSendCampaign(workspace.id, user.id, input) });
});
