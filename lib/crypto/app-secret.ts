import { hkdfSync } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";

/**
 * AUTH_SECRET when set. In development a secret is generated once into .data/ so sessions survive
 * restarts without any setup; production refuses to start without one (lib/env.ts).
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.resolve(".data/auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomToken(32);
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * Every secret the app accepts, the signing one first: AUTH_SECRET, then AUTH_SECRET_PREVIOUS
 * (comma-separated) while a rotation is under way, so what the old secret signed or sealed still
 * opens (docs/operations.md, "Rotating AUTH_SECRET").
 */
export function authSecrets(): string[] {
  return [authSecret(), ...(env.AUTH_SECRET_PREVIOUS ?? [])];
}

/**
 * One version of a derived key. `id` is a byte derived from the secret (not the key), written into
 * what the key signs or seals, so a verifier goes straight to the right key during a rotation.
 * Ids of two secrets may collide (1 in 256): verifiers then try each key with that id.
 */
export type TKeyVersion = { id: number; key: Buffer };
/** The keys of one purpose: `current` signs and seals; every key in `all` (current first) opens. */
export type TKeyRing = { current: TKeyVersion; all: TKeyVersion[] };

const deriveKey = (secret: string, purpose: string) =>
  Buffer.from(hkdfSync("sha256", secret, "waymark", purpose, 32));

/** The key-version byte of a secret. */
export const keyVersionId = (secret: string) =>
  Buffer.from(hkdfSync("sha256", secret, "waymark", "key-version", 1))[0]!;

/** A ring from explicit secrets (signing secret first): what appKeyRing builds, for tests and tools. */
export function keyRingFrom(secrets: string[], purpose: string): TKeyRing {
  if (!secrets.length) throw new Error("a key ring needs at least one secret");
  const all = secrets.map((s) => ({ id: keyVersionId(s), key: deriveKey(s, purpose) }));
  return { current: all[0]!, all };
}

const rings = new Map<string, TKeyRing>();

/**
 * The keys for one purpose (`tracking-links`, `channel-secrets`…), derived from the app's secrets,
 * so one secret to manage yields independent keys and a leak of one never reveals another.
 */
export function appKeyRing(purpose: string): TKeyRing {
  let ring = rings.get(purpose);
  if (!ring) {
    ring = keyRingFrom(authSecrets(), purpose);
    rings.set(purpose, ring);
  }
  return ring;
}

/** The current (signing) key for one purpose. */
export function appKey(purpose: string): Buffer {
  return appKeyRing(purpose).current.key;
}
