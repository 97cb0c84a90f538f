import { z } from "zod";
import { listFunctions, replaceFunctions } from "@/db/queries/executor-functions";
import { canonicalJson } from "./canonical-json";
import { readFunctionConfig, type TRegisteredFunction } from "./function-config";
import { signRequest } from "./sign-request";

const ZInBandSync = z.object({ app_id: z.string(), functions: z.array(z.unknown()) });

/**
 * Asks the serve endpoint for its functions the way Inngest Cloud does: an in-band sync, a signed
 * `PUT` with `X-Inngest-Sync-Kind: in_band` and `{ url }`, answered with the app's configs in the
 * response body (SDK 4.x; no register callback needed). Stores them as the registry.
 */
export async function syncFunctions(
  serveUrl: string,
  signingKey: string,
): Promise<TRegisteredFunction[]> {
  const body = canonicalJson({ url: serveUrl });
  const res = await fetch(serveUrl, {
    method: "PUT",
    body,
    headers: {
      "content-type": "application/json",
      "x-inngest-sync-kind": "in_band",
      "x-inngest-signature": signRequest(body, signingKey),
    },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status !== 200 || res.headers.get("x-inngest-sync-kind") !== "in_band") {
    throw new Error(`Sync with ${serveUrl} failed: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  const parsed = ZInBandSync.parse(JSON.parse(text));
  const fns = parsed.functions.map(readFunctionConfig);
  await replaceFunctions(
    fns.map((f) => ({ id: f.id, appId: parsed.app_id, url: f.url, config: f.config })),
  );
  return fns;
}

/** The registry as last synced (survives restarts). */
export async function registeredFunctions(): Promise<Map<string, TRegisteredFunction>> {
  const rows = await listFunctions();
  return new Map(rows.map((r) => [r.id, readFunctionConfig(r.config)]));
}
