import { NextResponse } from "next/server";
import { z } from "zod";
import { errorJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { revokeInvite } from "@/db/queries/invites";

type P = { workspace: string; inviteId: string };

export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, params }) => {
  const ok =
    z.uuid().safeParse(params.inviteId).success &&
    (await revokeInvite(workspace.id, params.inviteId, new Date()));
  if (!ok) return errorJson(404, "not_found", "No pending invite with this id in this workspace");
  return NextResponse.json({ ok: true });
});
