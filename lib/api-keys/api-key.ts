import { z } from "zod";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";

const KEY_PREFIX = "wm_";
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 8;

export const ZCreateApiKey = z.object({
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, { error: "Name is required" })
    .max(60, { error: "Name must be at most 60 characters" }),
});

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomToken(32)}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/**
 * Reads the key from `Authorization: Bearer <key>`, or from HTTP Basic with the key as user name
 * (what the Segment and RudderStack SDKs send as their write key).
 */
export function extractApiKey(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const user = decoded.split(":", 1)[0];
    return user || null;
  }
  return null;
}
