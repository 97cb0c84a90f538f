import { createPublicKey, createVerify, X509Certificate, type KeyObject } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { guardedFetch } from "@/lib/net/guarded-fetch";

/** An SNS HTTP(S) delivery: a notification or a (un)subscription confirmation. */
export const ZSnsEnvelope = z.object({
  Type: z.enum(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]),
  MessageId: z.string().min(1).max(200),
  TopicArn: z.string().min(1).max(400),
  Message: z.string().max(256 * 1024),
  Timestamp: z.string().min(1),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string().min(1).max(2048),
  SigningCertURL: z.string().min(1).max(1000),
  Subject: z.string().optional(),
  SubscribeURL: z.string().max(2000).optional(),
  UnsubscribeURL: z.string().max(2000).optional(),
  Token: z.string().max(2000).optional(),
});
export type TSnsEnvelope = z.infer<typeof ZSnsEnvelope>;

/** How old a delivery may be: SNS retries an HTTP endpoint for well under an hour by default. */
export const SNS_MAX_AGE_MS = 60 * 60_000;

const AWS_SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * Where SNS certificates and subscribe URLs may be: `https://sns.<region>.amazonaws.com/…` (the
 * check AWS's own SDK verifiers make), and only in tests also the host WAYMARK_TEST_SNS_CERT_HOST
 * names, so a test can serve a certificate it generated on loopback.
 */
export function isSnsUrl(raw: string | undefined, kind: "cert" | "subscribe"): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (kind === "cert" && (!url.pathname.endsWith(".pem") || url.search)) return false;
  if (url.protocol === "https:" && AWS_SNS_HOST.test(url.hostname) && !url.port) return true;
  const testHost = env.WAYMARK_TEST_SNS_CERT_HOST;
  return Boolean(
    testHost &&
    (env.NODE_ENV === "test" || env.WAYMARK_TEST_HOOKS) &&
    url.hostname === testHost &&
    (url.protocol === "http:" || url.protocol === "https:"),
  );
}

/** The fields SNS signs, in its order, as `name\nvalue\n` pairs. */
export function snsStringToSign(m: TSnsEnvelope): string {
  const keys =
    m.Type === "Notification"
      ? [
          "Message",
          "MessageId",
          ...(m.Subject !== undefined ? ["Subject"] : []),
          "Timestamp",
          "TopicArn",
          "Type",
        ]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  return keys.map((k) => `${k}\n${(m as Record<string, unknown>)[k] ?? ""}\n`).join("");
}

const certCache = new Map<string, Promise<KeyObject>>();
const MAX_CERTS = 20;

async function fetchCertificate(url: string): Promise<KeyObject> {
  const res = await guardedFetch(url, { timeoutMs: 5_000, maxBytes: 64 * 1024, maxRedirects: 0 });
  if (!res.ok) throw new Error(`signing certificate: HTTP ${res.status}`);
  const pem = await res.text();
  const cert = new X509Certificate(pem);
  const now = Date.now();
  if (Date.parse(cert.validFrom) > now || Date.parse(cert.validTo) < now)
    throw new Error("signing certificate is not valid now");
  return createPublicKey(cert.publicKey.export({ type: "spki", format: "pem" }));
}

function signingKey(url: string): Promise<KeyObject> {
  let hit = certCache.get(url);
  if (!hit) {
    hit = fetchCertificate(url);
    certCache.set(url, hit);
    hit.catch(() => certCache.delete(url));
    if (certCache.size > MAX_CERTS) certCache.delete(certCache.keys().next().value!);
  }
  return hit;
}

export type TSnsVerdict = { ok: true } | { ok: false; why: string };

/**
 * Checks an SNS delivery as AWS documents it: the certificate URL is SNS's own, the signature
 * (v1 SHA1withRSA, v2 SHA256withRSA) over the canonical fields verifies with that certificate, and
 * the message is recent (a replayed old delivery is refused even though its signature holds).
 */
export async function verifySnsMessage(m: TSnsEnvelope, now = Date.now()): Promise<TSnsVerdict> {
  if (!isSnsUrl(m.SigningCertURL, "cert"))
    return { ok: false, why: "certificate URL is not SNS's" };
  const at = Date.parse(m.Timestamp);
  if (Number.isNaN(at)) return { ok: false, why: "unreadable Timestamp" };
  if (now - at > SNS_MAX_AGE_MS || at - now > 5 * 60_000)
    return { ok: false, why: "Timestamp outside the replay window" };
  let key: KeyObject;
  try {
    key = await signingKey(m.SigningCertURL);
  } catch (err) {
    return { ok: false, why: `certificate: ${(err as Error).message}` };
  }
  const verifier = createVerify(m.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256");
  verifier.update(snsStringToSign(m), "utf8");
  const good = verifier.verify(key, Buffer.from(m.Signature, "base64"));
  return good ? { ok: true } : { ok: false, why: "signature does not verify" };
}

/** Confirms an HTTPS subscription by visiting its SubscribeURL through the guarded client. */
export async function confirmSnsSubscription(m: TSnsEnvelope): Promise<boolean> {
  if (!isSnsUrl(m.SubscribeURL, "subscribe")) return false;
  const res = await guardedFetch(m.SubscribeURL!, { timeoutMs: 10_000, maxRedirects: 0 });
  return res.ok;
}
