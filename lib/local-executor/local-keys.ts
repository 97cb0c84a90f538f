import { createHmac } from "node:crypto";

/**
 * The signing and event keys of local mode, derived from the app's secret: the serve endpoint
 * then verifies every call exactly as under Inngest Cloud (cloud mode, signed requests), and only
 * holders of the secret can run functions or send events, even on a public deployment.
 */
export function localInngestKeys(secret: string): { signingKey: string; eventKey: string } {
  const derive = (purpose: string) =>
    createHmac("sha256", secret).update(`waymark local inngest ${purpose}`).digest("hex");
  return { signingKey: `signkey-local-${derive("signing key")}`, eventKey: derive("event key") };
}
