import type { ClientOptions } from "inngest";
import { authSecret } from "@/lib/crypto/app-secret";
import type { TEnv } from "@/lib/env";
import { localCheckpointFetch } from "@/lib/local-executor/checkpoint-fetch";
import { localInngestKeys } from "@/lib/local-executor/local-keys";

/** Where the local executor's event API lives (the SDK posts to `<this>e/<event key>`). */
export const LOCAL_INNGEST_PATH = "/api/local-inngest/";

/**
 * Client options per executor. `inngest`: the SDK reads INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and
 * INNGEST_BASE_URL itself. `inngest-dev`: dev mode (INNGEST_DEV may carry the URL). `local`: cloud
 * mode against the app itself, with keys derived from the app's secret; the SDK's checkpoint calls
 * (several steps per request) are answered in process by the executor's checkpoint endpoint.
 */
export function inngestClientOptions(
  env: TEnv,
  secret: () => string = authSecret,
): Partial<ClientOptions> {
  if (env.executor === "inngest") return { isDev: false };
  if (env.executor === "inngest-dev")
    return { isDev: true, ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}) };
  // `next build` imports route modules but never calls Inngest; do not create a secret file then.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const keys = building
    ? { signingKey: "signkey-local-00", eventKey: "build" }
    : localInngestKeys(secret());
  return {
    isDev: false,
    baseUrl: `${env.internalUrl}${LOCAL_INNGEST_PATH}`,
    ...keys,
    fetch: localCheckpointFetch({ signingKey: keys.signingKey, origin: env.internalUrl }),
  };
}
