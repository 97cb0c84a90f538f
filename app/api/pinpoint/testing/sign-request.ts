import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

const bytes = (d: string | ArrayBuffer | ArrayBufferView) =>
  typeof d === "string"
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

/** node:crypto in the shape the AWS signer takes (its own hash package is not a dependency). */
class Sha256 {
  private readonly h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.h = secret ? createHmac("sha256", bytes(secret)) : createHash("sha256");
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.h.update(bytes(data));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset() {}
}

type TSignInit = { method: string; body?: string; headers?: Record<string, string> };
type TCredentials = { accessKeyId: string; secretAccessKey: string };

/** The headers of a request signed with AWS's own SigV4 signer (the one the SDK uses). */
export async function signedHeaders(
  url: string,
  init: TSignInit,
  credentials: TCredentials,
  signingDate = new Date(),
): Promise<Record<string, string>> {
  const u = new URL(url);
  const signer = new SignatureV4({
    service: "mobiletargeting",
    region: "us-east-1",
    credentials,
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: init.method,
      protocol: u.protocol,
      hostname: u.hostname,
      port: Number(u.port),
      path: u.pathname,
      query: {},
      headers: {
        host: u.host,
        "content-type": "application/json",
        ...(init.body !== undefined
          ? { "content-length": String(Buffer.byteLength(init.body)) }
          : {}),
        ...init.headers,
      },
      body: init.body,
    },
    { signingDate },
  );
  return signed.headers;
}

/**
 * Signs a raw request with AWS's own SigV4 signer, so tests can send bodies the SDK would never
 * serialise: unknown fields, wrong types, fuzz.
 */
export async function signedFetch(
  url: string,
  init: TSignInit,
  credentials: TCredentials,
  signingDate = new Date(),
): Promise<{
  status: number;
  type: string | null;
  json: unknown;
  headers: Record<string, string>;
}> {
  const headers = await signedHeaders(url, init, credentials, signingDate);
  const res = await fetch(url, { method: init.method, headers, body: init.body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return {
    status: res.status,
    type: res.headers.get("x-amzn-errortype"),
    json,
    headers: Object.fromEntries(res.headers),
  };
}
