import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * AWS Signature Version 4, the server side: what the AWS SDKs sign, recomputed from the request as
 * it arrived. Written from the published algorithm (canonical request → string to sign → signing
 * key chain) and checked against the real `@aws-sdk/client-pinpoint` in the tests. Only the
 * `Authorization` header form is accepted (no presigned query strings): SDK clients never use it.
 */
export const SIGV4_SERVICE = "mobiletargeting";
/** A request dated further than this from the server's clock is refused, as AWS does. */
export const MAX_SKEW_MS = 15 * 60_000;

export type TSignedRequest = {
  method: string;
  /** The path as it came over the wire, still percent-encoded. */
  rawPath: string;
  /** The query string without `?`, still percent-encoded. */
  rawQuery: string;
  headers: Headers;
  body: Uint8Array;
};

export type TParsedAuthorization = {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: Date;
  amzDateRaw: string;
};

export type TSigV4Failure = { reason: "missing" | "malformed" | "stale"; message: string };

const AUTH =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;_.-]+)\s*,\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Reads `Authorization` and `X-Amz-Date`; checks their form and the clock, not the signature. */
export function parseSigV4(
  headers: Headers,
  now: Date,
): { ok: true; auth: TParsedAuthorization } | ({ ok: false } & TSigV4Failure) {
  const header = headers.get("authorization");
  if (!header) return { ok: false, reason: "missing", message: "Missing Authentication Token" };
  const m = AUTH.exec(header.trim());
  if (!m)
    return {
      ok: false,
      reason: "malformed",
      message: "Authorization header is not an AWS4-HMAC-SHA256 signature",
    };
  const [, accessKeyId, date, region, service, signed, signature] = m as unknown as string[];
  const amzDateRaw = headers.get("x-amz-date") ?? "";
  const d = AMZ_DATE.exec(amzDateRaw);
  if (!d)
    return {
      ok: false,
      reason: "malformed",
      message: "X-Amz-Date is missing or not YYYYMMDDTHHMMSSZ",
    };
  const amzDate = new Date(`${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6]}Z`);
  const signedHeaders = signed!.split(";");
  if (
    date !== amzDateRaw.slice(0, 8) ||
    !signedHeaders.includes("host") ||
    !signedHeaders.includes("x-amz-date") ||
    Number.isNaN(amzDate.getTime())
  )
    return {
      ok: false,
      reason: "malformed",
      message: "The credential date must match X-Amz-Date, and host and x-amz-date must be signed",
    };
  if (Math.abs(now.getTime() - amzDate.getTime()) > MAX_SKEW_MS)
    return {
      ok: false,
      reason: "stale",
      message: `Signature expired: ${amzDateRaw} is more than 15 minutes from the server's time ${now.toISOString()}`,
    };
  return {
    ok: true,
    auth: {
      accessKeyId: accessKeyId!,
      date: date!,
      region: region!,
      service: service!,
      signedHeaders,
      signature: signature!,
      amzDate,
      amzDateRaw,
    },
  };
}

// encodeURIComponent leaves !'()* alone; SigV4 escapes them.
const escapeUri = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** Every service but S3 normalises the path and encodes it a second time. */
function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const s of rawPath.split("/")) {
    if (!s || s === ".") continue;
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  const path = `/${segments.join("/")}${segments.length && rawPath.endsWith("/") ? "/" : ""}`;
  return escapeUri(path).replace(/%2F/g, "/");
}

function canonicalQuery(rawQuery: string): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(rawQuery))
    if (k.toLowerCase() !== "x-amz-signature") pairs.push([escapeUri(k), escapeUri(v)]);
  return pairs
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** The signature the request should carry if it was signed with `secret`. */
export function expectedSignature(req: TSignedRequest, auth: TParsedAuthorization, secret: string) {
  const headerLines = auth.signedHeaders.map(
    (name) =>
      `${name}:${(req.headers.get(name) ?? "")
        .replace(/[\r\n]/g, " ")
        .replace(/[ \t]+/g, " ")
        .trim()}`,
  );
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath(req.rawPath),
    canonicalQuery(req.rawQuery),
    ...headerLines,
    "",
    auth.signedHeaders.join(";"),
    sha256(req.body),
  ].join("\n");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", auth.amzDateRaw, scope, sha256(canonicalRequest)].join(
    "\n",
  );
  const kDate = hmac(`AWS4${secret}`, auth.date);
  const kSigning = hmac(hmac(hmac(kDate, auth.region), auth.service), "aws4_request");
  return createHmac("sha256", kSigning).update(stringToSign).digest("hex");
}

/** Constant-time comparison of the signature sent with the one computed. */
export function signatureMatches(
  req: TSignedRequest,
  auth: TParsedAuthorization,
  secret: string,
): boolean {
  const expected = Buffer.from(expectedSignature(req, auth, secret), "hex");
  const given = Buffer.from(auth.signature, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
