import { db } from "@/db";
import { findInviteByTokenHash, markInviteAccepted } from "@/db/queries/invites";
import { findUserByEmail, insertUser } from "@/db/queries/users";
import { insertMembership, listWorkspacesForUser } from "@/db/queries/workspaces";
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
import { hashPassword, verifyPassword } from "./password";
import type { TSignUp } from "./schemas";

/**
 * Said when the email is taken and the password is not that account's: the same words whether
 * or not an account exists would be the ideal, but without email verification a new account
 * signs in at once, so the taken case cannot look like success. It does not say "exists", the
 * work done (one password hash) is the same, and rate limits bound how many emails can be tried.
 */
export const SIGN_UP_REFUSED =
  "We could not create an account with this email and password. If you have one, sign in instead";

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

  const existing = await findUserByEmail(input.email);
  if (existing) {
    // Someone who signs up again with their own password is simply signed in (to their first
    // workspace); anyone else learns only that this email and password cannot sign up.
    const own = await verifyPassword(input.password, existing.passwordHash);
    const [first] = own && !invite ? await listWorkspacesForUser(existing.id) : [];
    if (first) return { userId: existing.id, workspaceSlug: first.slug };
    throw new ValidationError({ email: SIGN_UP_REFUSED });
  }
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
      throw new ValidationError({ email: SIGN_UP_REFUSED });
    throw err;
  }
}
