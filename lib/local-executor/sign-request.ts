import { createHmac } from "node:crypto";

/**
 * The `X-Inngest-Signature` header value for a body, exactly as an Inngest server signs requests:
 * HMAC-SHA256 keyed with the signing key minus its `signkey-<env>-` prefix, over body + unix
 * seconds. The SDK refuses signatures older than five minutes, so this is always real time.
 */
export function signRequest(body: string, signingKey: string, nowMs = Date.now()): string {
  const ts = Math.floor(nowMs / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${ts}&s=${createHmac("sha256", key)
    .update(body + ts)
    .digest("hex")}`;
}
