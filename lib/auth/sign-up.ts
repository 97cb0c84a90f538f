import { db } from "@/db";
import { findInviteByTokenHash, markInviteAccepted } from "@/db/queries/invites";
import { findUserByEmail, insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { sha256Hex } from "@/lib/crypto/tokens";
import {
  ForbiddenError,
  GoneError,
  NotFoundError,
  ValidationError,
  isUniqueViolation,
} from "@/lib/errors";
import { inviteStatus } from "@/lib/members/schemas";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { hashPassword } from "./password";
import type { TSignUp } from "./schemas";

const DUPLICATE_EMAIL = "An account with this email already exists; sign in instead";

/**
 * Creates an account and, in the same transaction, either joins the invited workspace or creates
 * the user's own. Nothing is written when any part fails.
 */
export async function signUp(
  input: TSignUp,
  opts: { signupMode: "open" | "invite-only"; now?: Date },
): Promise<{ userId: string; workspaceSlug: string }> {
  const now = opts.now ?? new Date();
  const invite = input.inviteToken
    ? await findInviteByTokenHash(sha256Hex(input.inviteToken))
    : null;
  if (input.inviteToken) {
    if (!invite) throw new NotFoundError("This invite link is not valid");
    const status = inviteStatus(invite.invite, now);
    if (status !== "pending")
      throw new GoneError(
        `This invite has ${status === "accepted" ? "already been used" : status === "revoked" ? "been revoked" : "expired"}; ask an admin for a new one`,
      );
    if (invite.invite.email !== input.email) {
      throw new ValidationError({ email: `This invite is for ${invite.invite.email}` });
    }
  } else if (opts.signupMode === "invite-only") {
    throw new ForbiddenError("Sign-up is by invitation only on this Waymark");
  }

  if (await findUserByEmail(input.email)) throw new ValidationError({ email: DUPLICATE_EMAIL });
  const passwordHash = await hashPassword(input.password);

  try {
    return await db().transaction(async (tx) => {
      const user = await insertUser({ email: input.email, name: input.name, passwordHash }, tx);
      if (invite) {
        if (!(await markInviteAccepted(invite.invite.id, now, tx))) {
          throw new GoneError("This invite has already been used; ask an admin for a new one");
        }
        await insertMembership(
          { workspaceId: invite.workspace.id, userId: user.id, role: invite.invite.role },
          tx,
        );
        return { userId: user.id, workspaceSlug: invite.workspace.slug };
      }
      const name = input.workspaceName?.trim() || `${input.name}'s workspace`;
      const ws = await createWorkspace({ name, timezone: "UTC", ownerId: user.id }, tx);
      return { userId: user.id, workspaceSlug: ws.slug };
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_email_key"))
      throw new ValidationError({ email: DUPLICATE_EMAIL });
    throw err;
  }
}
