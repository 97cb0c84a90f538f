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

const derived = new Map<string, Buffer>();

/**
 * A 32-byte key for one purpose (`tracking-links`, `channel-secrets`…), derived from the app secret,
 * so one secret to manage yields independent keys and a leak of one never reveals another.
 */
export function appKey(purpose: string): Buffer {
  let key = derived.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", authSecret(), "waymark", purpose, 32));
    derived.set(purpose, key);
  }
  return key;
}
