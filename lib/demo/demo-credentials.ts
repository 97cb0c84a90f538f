import { createHmac } from "node:crypto";
import { appKey } from "@/lib/crypto/app-secret";
import { env } from "@/lib/env";
import { DEMO_API_KEY, DEMO_PASSWORD, DEMO_PUBLIC_KEY } from "./demo-accounts";

export type TDemoCredentials = { password: string; apiKey: string; publicKey: string };

/** The README's demo credentials: `npm run dev`, tests and e2e (WAYMARK_DEMO_CREDENTIALS=fixed). */
export const FIXED_DEMO_CREDENTIALS: TDemoCredentials = {
  password: DEMO_PASSWORD,
  apiKey: DEMO_API_KEY,
  publicKey: DEMO_PUBLIC_KEY,
};

/**
 * Credentials no one can read in the README: HMACs under a key derived from AUTH_SECRET, so each
 * install has its own (its secret is random) and a restart prints the same ones; after an
 * AUTH_SECRET rotation the demo keeps those it was seeded with. Same shapes as the fixed ones (the
 * key prefixes the key list shows are their first characters).
 */
export function deriveDemoCredentials(key: Uint8Array): TDemoCredentials {
  const mac = (label: string) =>
    createHmac("sha256", key).update(`waymark/demo/${label}`).digest("base64url");
  return {
    password: `demo-${mac("password").slice(0, 20)}`,
    apiKey: `wm_demo_${mac("server-key").slice(0, 36)}`,
    publicKey: `wm_pk_demo_${mac("public-key").slice(0, 36)}`,
  };
}

/** The demo's credentials on this install (WAYMARK_DEMO_CREDENTIALS). */
export function demoCredentials(): TDemoCredentials {
  return env.WAYMARK_DEMO_CREDENTIALS === "derived"
    ? deriveDemoCredentials(appKey("demo-credentials"))
    : FIXED_DEMO_CREDENTIALS;
}
