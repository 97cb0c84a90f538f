import { createHmac, timingSafeEqual } from "node:crypto";
import type { TKeyVersion } from "@/lib/crypto/app-secret";

/**
 * A per-contact token for the in-app inbox. The customer's server, which holds the API key, mints
 * one for the signed-in user (`POST /api/v1/inapp/token`) and hands it to their web page; the
 * page can then read and dismiss that one user's messages and nothing else.
 */
export const INAPP_TOKEN_PREFIX = "wmc_";

/** Workspace, user, expiry (epoch seconds) and the signing key's version. */
type TClaims = { w: string; u: string; e: number; k?: number };

const sign = (key: Buffer, payload: string) =>
  createHmac("sha256", key).update(payload).digest("base64url");

export function mintInAppToken(
  key: TKeyVersion,
  workspaceId: string,
  userId: string,
  expiresAt: Date,
): string {
  const payload = Buffer.from(
    JSON.stringify({
      w: workspaceId,
      u: userId,
      e: Math.floor(expiresAt.getTime() / 1000),
      k: key.id,
    } satisfies TClaims),
  ).toString("base64url");
  return `${INAPP_TOKEN_PREFIX}${payload}.${sign(key.key, payload)}`;
}

/**
 * The contact a token names, when it is unexpired and signed by one of `keys` (the current and any
 * previous secret's): by its key version when it carries one, otherwise (tokens minted before
 * versions) by each key.
 */
export function verifyInAppToken(
  keys: TKeyVersion[],
  token: string,
  now = new Date(),
): { workspaceId: string; userId: string } | null {
  if (!token.startsWith(INAPP_TOKEN_PREFIX)) return null;
  const [payload, sig] = token.slice(INAPP_TOKEN_PREFIX.length).split(".");
  if (!payload || !sig) return null;
  try {
    // Read before the signature is checked only to pick the key; nothing else is trusted yet.
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TClaims;
    const candidates = typeof claims.k === "number" ? keys.filter((k) => k.id === claims.k) : keys;
    const given = Buffer.from(sig);
    const genuine = candidates.some((k) => {
      const expected = Buffer.from(sign(k.key, payload));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!genuine) return null;
    if (
      typeof claims.w !== "string" ||
      typeof claims.u !== "string" ||
      typeof claims.e !== "number"
    )
      return null;
    if (claims.e * 1000 <= now.getTime()) return null;
    return { workspaceId: claims.w, userId: claims.u };
  } catch {
    return null;
  }
}
