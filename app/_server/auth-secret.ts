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
