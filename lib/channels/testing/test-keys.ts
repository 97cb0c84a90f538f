import { generateKeyPairSync } from "node:crypto";

/**
 * Throwaway signing keys for provider tests: an RSA key standing in for a Google service account
 * and a P-256 key standing in for an APNs .p8 key. The public halves verify what the providers sign.
 */
export function makeRsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKey };
}

export function makeP256KeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKey };
}

/** Splits a compact JWT; throws when it is not three parts. */
export function decodeJwt(jwt: string) {
  const [h, c, s] = jwt.split(".");
  if (!h || !c || s === undefined) throw new Error("not a compact JWT");
  return {
    header: JSON.parse(Buffer.from(h, "base64url").toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(c, "base64url").toString()) as Record<string, unknown>,
    signingInput: `${h}.${c}`,
    signature: Buffer.from(s, "base64url"),
  };
}
