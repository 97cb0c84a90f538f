import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withUser } from "@/app/_server/with-workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { ZCreateWorkspace } from "@/lib/workspaces/schemas";

export const POST = withUser(async (req, { user }) => {
  const input = await parseJson(req, ZCreateWorkspace);
  const ws = await createWorkspace({ ...input, ownerId: user.id });
  return NextResponse.json(ws, { status: 201 });
});
