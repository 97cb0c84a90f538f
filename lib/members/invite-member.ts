import { insertInvite } from "@/db/queries/invites";
import { listMembers } from "@/db/queries/members";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";
import { ValidationError } from "@/lib/errors";
import type { TRole } from "@/lib/auth/roles";
import { inviteExpiry } from "./schemas";

/** Returns the one-time token for the invite link; only its hash is stored. */
export async function inviteMember(input: {
  workspaceId: string;
  email: string;
  role: TRole;
  invitedBy: string;
  now?: Date;
}): Promise<{ inviteId: string; token: string; expiresAt: Date }> {
  const members = await listMembers(input.workspaceId);
  if (members.some((m) => m.email === input.email)) {
    throw new ValidationError({ email: `${input.email} is already a member of this workspace` });
  }
  const token = randomToken(32);
  const invite = await insertInvite({
    workspaceId: input.workspaceId,
    email: input.email,
    role: input.role,
    tokenHash: sha256Hex(token),
    invitedBy: input.invitedBy,
    expiresAt: inviteExpiry(input.now ?? new Date()),
  });
  return { inviteId: invite.id, token, expiresAt: invite.expiresAt };
}
