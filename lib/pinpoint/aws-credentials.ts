import { createHmac, randomBytes } from "node:crypto";
import { appKey } from "@/lib/crypto/app-secret";

// AWS access key ids are 20 upper-case characters; ours start with WMK so they are easy to tell
// from a real AWS key in an app's configuration.
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A new access key id for a key with the `pinpoint` scope: `WMK` and 17 random characters. */
export function generateAccessKeyId(): string {
  const bytes = randomBytes(17);
  return "WMK" + [...bytes].map((b) => ID_ALPHABET[b % 32]).join("");
}

/**
 * The secret access key that goes with a key's access key id. SigV4 needs the secret on both
 * sides, so it cannot be stored as a one-way hash like the key; deriving it from the key's hash
 * with the app secret means it is never stored at all, needs both the database and AUTH_SECRET to
 * recompute, and dies with the key when the key is revoked. (Rotating AUTH_SECRET changes it.)
 */
export function secretAccessKeyFor(keyHash: string): string {
  return createHmac("sha256", appKey("pinpoint-sigv4"))
    .update(keyHash)
    .digest("base64url")
    .slice(0, 40);
}
