import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findWorkspaceIdByPinpointApplicationId, updateWorkspace } from "@/db/queries/workspaces";
import { ConflictError } from "@/lib/errors";
import { ZUpdateWorkspace } from "@/lib/workspaces/schemas";

export const GET = withWorkspace("read", async (_req, { workspace, role }) =>
  NextResponse.json({
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    timezone: workspace.timezone,
    role,
  }),
);

export const PATCH = withWorkspace("manage", async (req, { workspace }) => {
  const input = await parseJson(req, ZUpdateWorkspace);
  if ("pinpointApplicationId" in input && input.pinpointApplicationId) {
    const owner = await findWorkspaceIdByPinpointApplicationId(input.pinpointApplicationId);
    if (owner && owner !== workspace.id)
      throw new ConflictError(
        "Another workspace uses this application id",
        { pinpointApplicationId: "Another workspace uses this application id" },
        { code: "app_id_taken" },
      );
  }
  const ws = await updateWorkspace(workspace.id, input);
  return NextResponse.json(ws);
});
