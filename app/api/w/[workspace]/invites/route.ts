import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { publicUrl } from "@/app/_server/public-url";
import { listInvites } from "@/db/queries/invites";
import { inviteMember } from "@/lib/members/invite-member";
import { ZCreateInvite } from "@/lib/members/schemas";

export const GET = withWorkspace("manage", async (_req, { workspace }) =>
  NextResponse.json({ invites: await listInvites(workspace.id) }),
);

/** The link is in this answer only: the token is stored hashed. */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZCreateInvite);
  const invite = await inviteMember({ ...input, workspaceId: workspace.id, invitedBy: user.id });
  const url = publicUrl(req, `/invite/${invite.token}`);
  return NextResponse.json(
    { id: invite.inviteId, url, expiresAt: invite.expiresAt },
    { status: 201 },
  );
});
