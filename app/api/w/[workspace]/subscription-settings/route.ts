import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { updateSubscriptionSettings } from "@/lib/topics/manage-topics";
import { ZSubscriptionSettings } from "@/lib/topics/topic-schemas";

/** The preference center's colour and the SMS HELP answer (Settings → Topics). Admins only. */
export const PUT = withWorkspace("manage", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZSubscriptionSettings);
  return NextResponse.json({
    settings: await updateSubscriptionSettings(workspace.id, user.id, input),
  });
});
