import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A per-contact token for the in-app inbox. The customer's server, which holds the API key, mints
 * one for the signed-in user (`POST /api/v1/inapp/token`) and hands it to their web page; the
 * page can then read and dismiss that one user's messages and nothing else.
 */
export const INAPP_TOKEN_PREFIX = "wmc_";

type TClaims = { w: string; u: string; e: number };

const sign = (key: Buffer, payload: string) =>
  createHmac("sha256", key).update(payload).digest("base64url");

export function mintInAppToken(
  key: Buffer,
  workspaceId: string,
  userId: string,
  expiresAt: Date,
): string {
  const payload = Buffer.from(
    JSON.stringify({
      w: workspaceId,
      u: userId,
      e: Math.floor(expiresAt.getTime() / 1000),
    } satisfies TClaims),
  ).toString("base64url");
  return `${INAPP_TOKEN_PREFIX}${payload}.${sign(key, payload)}`;
}

export function verifyInAppToken(
  key: Buffer,
  token: string,
  now = new Date(),
): { workspaceId: string; userId: string } | null {
  if (!token.startsWith(INAPP_TOKEN_PREFIX)) return null;
  const [payload, sig] = token.slice(INAPP_TOKEN_PREFIX.length).split(".");
  if (!payload || !sig) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TClaims;
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
