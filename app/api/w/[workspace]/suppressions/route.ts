import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { addSuppression, ZAddSuppression } from "@/lib/deliverability/manage-suppressions";

/** Admins suppress an address by hand (Settings → Suppression). */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZAddSuppression);
  return NextResponse.json(
    { suppression: await addSuppression(workspace.id, user.id, input) },
    { status: 201 },
  );
});
