import type { TRole } from "@/lib/auth/roles";

export const DEMO_WORKSPACE_SLUG = "demo";
export const DEMO_PASSWORD = "waymark-demo-2026";
/** A fixed key so the README's curl examples work on a fresh demo; never seeded in production by default. */
export const DEMO_API_KEY = "wm_demo_key_for_local_development_only_0001";
/** The browser-safe write key the README's web snippet uses (identify/track/page/screen only). */
export const DEMO_PUBLIC_KEY = "wm_pk_demo_browser_key_for_local_development_only";
/**
 * The demo server key's AWS access key id, and the demo workspace's Pinpoint application id, for
 * AWS SDK Pinpoint clients (the secret is derived from the key and AUTH_SECRET, printed at start).
 */
export const DEMO_AWS_ACCESS_KEY_ID = "WMKDEMOLOCALDEVONLY1";
export const DEMO_PINPOINT_APP_ID = "acme-demo-app";

export const DEMO_USERS: { email: string; name: string; role: TRole }[] = [
  { email: "admin@demo.waymark.dev", name: "Ada Admin", role: "admin" },
  { email: "marketer@demo.waymark.dev", name: "Mia Marketer", role: "marketer" },
  { email: "analyst@demo.waymark.dev", name: "Ana Analyst", role: "analyst" },
];
