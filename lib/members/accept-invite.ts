import { db } from "@/db";
import { findInviteByTokenHash, markInviteAccepted } from "@/db/queries/invites";
import { insertMembership } from "@/db/queries/workspaces";
import { sha256Hex } from "@/lib/crypto/tokens";
import { ForbiddenError, GoneError, NotFoundError } from "@/lib/errors";
import { inviteStatus } from "./schemas";

/** A signed-in user accepts an invite addressed to their email. */
export async function acceptInvite(input: {
  token: string;
  user: { id: string; email: string };
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const found = await findInviteByTokenHash(sha256Hex(input.token));
  if (!found) throw new NotFoundError("This invite link is not valid");
  const status = inviteStatus(found.invite, now);
  if (status !== "pending")
    throw new GoneError(`This invite has ${status === "accepted" ? "already been used" : status}`);
  if (found.invite.email !== input.user.email) {
    throw new ForbiddenError(`This invite is for ${found.invite.email}; sign in with that account`);
  }
  await db().transaction(async (tx) => {
    if (!(await markInviteAccepted(found.invite.id, now, tx)))
      throw new GoneError("This invite has already been used");
    await insertMembership(
      { workspaceId: found.workspace.id, userId: input.user.id, role: found.invite.role },
      tx,
    );
  });
  return { workspaceSlug: found.workspace.slug };
}
