import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listMembers } from "@/db/queries/members";

export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json({ members: await listMembers(workspace.id) }),
);
