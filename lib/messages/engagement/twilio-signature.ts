import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed by the account's auth token, of the full
 * URL followed by each POST parameter's name and value in name order. Webhooks that fail it are
 * refused, so nobody can fake a STOP or a delivery receipt.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  header: string | null,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
