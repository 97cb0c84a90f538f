import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, unguessable tokens for the links inside a message (open pixel, click redirect,
 * unsubscribe). A token names its message and purpose, so an unsubscribe token cannot be replayed
 * as a click, and a click token is bound to its destination, so the redirect is never an open one.
 */
export type TTrackingPurpose = "open" | "click" | "unsubscribe";

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

/** `extra` binds more than the message (the click's destination URL). */
export function signTrackingToken(
  key: Buffer,
  purpose: TTrackingPurpose,
  messageId: string,
  extra = "",
): string {
  return Buffer.concat([
    uuidToBytes(messageId),
    signature(key, purpose, messageId, extra),
  ]).toString("base64url");
}

/** The message id when the token is genuine for this purpose (and extra), otherwise null. */
export function verifyTrackingToken(
  key: Buffer,
  purpose: TTrackingPurpose,
  token: string,
  extra = "",
): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 16 + SIG_BYTES) return null;
  const messageId = bytesToUuid(raw.subarray(0, 16));
  const expected = signature(key, purpose, messageId, extra);
  return timingSafeEqual(expected, raw.subarray(16)) ? messageId : null;
}

/** The public URLs a message carries, built from the app's public origin. */
export function trackingUrls(key: Buffer, origin: string, messageId: string) {
  const base = origin.replace(/\/$/, "");
  return {
    openPixelUrl: `${base}/t/o/${signTrackingToken(key, "open", messageId)}`,
    unsubscribeUrl: `${base}/u/${signTrackingToken(key, "unsubscribe", messageId)}`,
    clickUrl: (url: string) =>
      `${base}/t/c/${signTrackingToken(key, "click", messageId, url)}?u=${encodeURIComponent(url)}`,
  };
}
