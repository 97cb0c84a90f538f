import { createPrivateKey, sign, type KeyObject } from "node:crypto";

/**
 * Compact JWS for the two provider logins: RS256 (Google service accounts) and ES256 (APNs .p8 keys).
 * ES256 signatures are raw r‖s (IEEE P1363), not DER, as JWS requires.
 */

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

export type TJwtAlg = "RS256" | "ES256";

export function signJwt(
  alg: TJwtAlg,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject | string,
): string {
  const input = `${b64({ ...header, alg, typ: "JWT" })}.${b64(claims)}`;
  const keyObject = typeof key === "string" ? createPrivateKey(key) : key;
  const signature = sign(
    "sha256",
    Buffer.from(input),
    alg === "ES256" ? { key: keyObject, dsaEncoding: "ieee-p1363" } : keyObject,
  );
  return `${input}.${signature.toString("base64url")}`;
}

/** Reads a private key once; throws a message that names the field but not the key. */
export function readPrivateKey(pem: string, field: string): KeyObject {
  try {
    // Keys pasted through a form or JSON often arrive with literal "\n".
    return createPrivateKey(pem.includes("\\n") ? pem.replace(/\\n/g, "\n") : pem);
  } catch {
    throw new Error(`${field} is not a readable PEM private key`);
  }
}
