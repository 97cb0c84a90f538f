import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import {
  describeDeliverabilitySettings,
  updateDeliverabilitySettings,
  ZDeliverabilitySettings,
} from "@/lib/deliverability/deliverability-settings";

/** The soft-bounce rule and the ESP webhook keys (Settings → Suppression). Admins only. */
export const PUT = withWorkspace("manage", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZDeliverabilitySettings);
  await updateDeliverabilitySettings(workspace.id, user.id, input);
  return NextResponse.json({ settings: await describeDeliverabilitySettings(workspace.id) });
});
