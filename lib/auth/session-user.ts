import { bumpSessionVersion, findUserById } from "@/db/queries/users";

/** What a session token names: its user, and the user's session version when it was issued. */
export type TSessionClaims = { userId: string; sessionVersion: number | undefined };

/**
 * The user a session belongs to, re-read on every request: null when the account is gone or the
 * session was revoked (signed out everywhere after it was issued). A token from before session
 * versions counts as version 0, so it lasts until the first revocation. Memberships and roles
 * are read per request too (withWorkspace), so removing a member or changing a role needs nothing
 * here: the next request already sees it.
 */
export async function findSessionUser(claims: TSessionClaims) {
  const user = await findUserById(claims.userId);
  if (!user || user.sessionVersion !== (claims.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/**
 * Signs the user out of every browser and device: sessions issued until now stop working on their
 * next request, long before their expiry. Returns false when the user no longer exists.
 */
export async function signOutEverywhere(userId: string): Promise<boolean> {
  return (await bumpSessionVersion(userId)) !== null;
}
