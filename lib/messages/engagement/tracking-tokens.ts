import { createHmac, timingSafeEqual } from "node:crypto";
import type { TKeyVersion } from "@/lib/crypto/app-secret";

/**
 * Signed, unguessable tokens for the links inside a message (open pixel, click redirect,
 * unsubscribe). A token names its message and purpose, so an unsubscribe token cannot be replayed
 * as a click, and a click token is bound to its destination, so the redirect is never an open one.
 */
export type TTrackingPurpose = "open" | "click" | "unsubscribe" | "preferences";

const SIG_BYTES = 16;

function uuidToBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ""), "hex");
}

function bytesToUuid(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function signature(
  key: Buffer,
  purpose: TTrackingPurpose,
  messageId: string,
  extra: string,
): Buffer {
  return createHmac("sha256", key)
    .update(`${purpose}\n${messageId}\n${extra}`)
    .digest()
    .subarray(0, SIG_BYTES);
}

/**
 * `extra` binds more than the message (the click's destination URL). The token is
 * `key version ‖ message id ‖ signature` (44 characters), so it still opens after AUTH_SECRET is
 * rotated while the old secret is kept in AUTH_SECRET_PREVIOUS.
 */
export function signTrackingToken(
  key: TKeyVersion,
  purpose: TTrackingPurpose,
  messageId: string,
  extra = "",
): string {
  return Buffer.concat([
    Buffer.from([key.id]),
    uuidToBytes(messageId),
    signature(key.key, purpose, messageId, extra),
  ]).toString("base64url");
}

/**
 * The message id when the token is genuine for this purpose (and extra) under one of `keys`,
 * otherwise null. A versioned token is checked against the keys of its version only; a token from
 * before key versions (43 characters, in messages already sent) against each key.
 */
export function verifyTrackingToken(
  keys: TKeyVersion[],
  purpose: TTrackingPurpose,
  token: string,
  extra = "",
): string | null {
  if (!/^[A-Za-z0-9_-]{43,44}$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  const versioned = raw.length === 1 + 16 + SIG_BYTES;
  if (!versioned && raw.length !== 16 + SIG_BYTES) return null;
  const body = versioned ? raw.subarray(1) : raw;
  const candidates = versioned ? keys.filter((k) => k.id === raw[0]) : keys;
  const messageId = bytesToUuid(body.subarray(0, 16));
  const given = body.subarray(16);
  for (const k of candidates)
    if (timingSafeEqual(signature(k.key, purpose, messageId, extra), given)) return messageId;
  return null;
}

/** The public URLs a message carries, built from the app's public origin. */
export function trackingUrls(key: TKeyVersion, origin: string, messageId: string) {
  const base = origin.replace(/\/$/, "");
  return {
    openPixelUrl: `${base}/t/o/${signTrackingToken(key, "open", messageId)}`,
    unsubscribeUrl: `${base}/u/${signTrackingToken(key, "unsubscribe", messageId)}`,
    /** The contact's preference center, reached through this message (lib/topics). */
    preferencesUrl: `${base}/u/p/${signTrackingToken(key, "preferences", messageId)}`,
    clickUrl: (url: string) =>
      `${base}/t/c/${signTrackingToken(key, "click", messageId, url)}?u=${encodeURIComponent(url)}`,
  };
}
