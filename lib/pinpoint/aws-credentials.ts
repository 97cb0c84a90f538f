import { createHmac, randomBytes } from "node:crypto";
import { appKeyRing, type TKeyRing } from "@/lib/crypto/app-secret";

// AWS access key ids are 20 upper-case characters; ours start with WMK so they are easy to tell
// from a real AWS key in an app's configuration.
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** The app-secret purpose the secret access keys derive from (lib/crypto/app-secret). */
export const PINPOINT_KEY_PURPOSE = "pinpoint-sigv4";

/** A new access key id for a key with the `pinpoint` scope: `WMK` and 17 random characters. */
export function generateAccessKeyId(): string {
  const bytes = randomBytes(17);
  return "WMK" + [...bytes].map((b) => ID_ALPHABET[b % 32]).join("");
}

const derive = (key: Buffer, keyHash: string) =>
  createHmac("sha256", key).update(keyHash).digest("base64url").slice(0, 40);

/**
 * The secret access key that goes with a key's access key id. SigV4 needs the secret on both
 * sides, so it cannot be stored as a one-way hash like the key; deriving it from the key's hash
 * with the app secret means it is never stored at all, needs both the database and AUTH_SECRET to
 * recompute, and dies with the key when the key is revoked. Rotating AUTH_SECRET changes it: see
 * acceptedSecretAccessKeys for how deployed apps keep working meanwhile.
 */
export function secretAccessKeyFor(
  keyHash: string,
  ring: TKeyRing = appKeyRing(PINPOINT_KEY_PURPOSE),
): string {
  return derive(ring.current.key, keyHash);
}

/**
 * Every secret a request for this key may be signed with: the current one, then one per secret in
 * AUTH_SECRET_PREVIOUS. Apps in the field carry the secret shown when the key was made and cannot
 * be redeployed the moment AUTH_SECRET rotates, so their signatures keep verifying for as long as
 * the old secret is kept (docs/operations.md, "Rotating AUTH_SECRET").
 */
export function acceptedSecretAccessKeys(
  keyHash: string,
  ring: TKeyRing = appKeyRing(PINPOINT_KEY_PURPOSE),
): string[] {
  return ring.all.map((k) => derive(k.key, keyHash));
}
