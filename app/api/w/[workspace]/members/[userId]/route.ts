import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { NotFoundError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { ZChangeRole } from "@/lib/members/schemas";

type P = { workspace: string; userId: string };

function userIdOrThrow(id: string): string {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("No such member in this workspace");
  return id;
}

export const PATCH = withWorkspace<P>("manage", async (req, { workspace, params }) => {
  const { role } = await parseJson(req, ZChangeRole);
  await changeMemberRole({ workspaceId: workspace.id, userId: userIdOrThrow(params.userId), role });
  return NextResponse.json({ ok: true });
});

export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, params }) => {
  await changeMemberRole({
    workspaceId: workspace.id,
    userId: userIdOrThrow(params.userId),
    role: null,
  });
  return NextResponse.json({ ok: true });
});
