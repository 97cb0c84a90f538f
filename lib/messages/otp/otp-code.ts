import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { appKeyRing } from "@/lib/crypto/app-secret";

/** A uniformly random code of `length` digits (leading zeros kept), from the CSPRNG. */
export function generateOtpCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += String(randomInt(0, 10));
  return out;
}

/**
 * HMAC-SHA256 of the code, keyed by the app's OTP key and bound to the code's row, so a leaked
 * table reveals no code (a 6-digit space is too small for a plain hash) and a hash cannot be
 * moved to another row.
 */
export function hashOtpCode(
  codeId: string,
  code: string,
  key = appKeyRing("otp-codes").current.key,
) {
  return createHmac("sha256", key).update(`${codeId}:${code}`).digest("hex");
}

/**
 * Constant-time comparison of a candidate with the stored hash, under every key of the ring (a
 * secret rotation under way). Both sides are fixed-length HMACs, so the time taken says nothing
 * about how much of the code was right.
 */
export function otpCodeMatches(codeId: string, candidate: string, storedHash: string): boolean {
  const stored = Buffer.from(storedHash, "hex");
  let match = false;
  for (const { key } of appKeyRing("otp-codes").all) {
    const tried = Buffer.from(hashOtpCode(codeId, candidate, key), "hex");
    // `|=` rather than an early return: every key is tried whatever the outcome.
    match = (tried.length === stored.length && timingSafeEqual(tried, stored)) || match;
  }
  return match;
}
