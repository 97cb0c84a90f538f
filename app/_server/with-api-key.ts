import type { NextRequest } from "next/server";
import { authenticateApiKey, type TApiKeyContext } from "@/lib/api-keys/authenticate-api-key";
import { readBodyText } from "@/lib/http/read-body";
import { keyAllows, type TRouteScope } from "@/lib/api-keys/key-scopes";
import { clientIp } from "@/lib/rate-limit/client-ip";
import {
  assertNotThrottled,
  RateLimitedError,
  recordThrottleHit,
  type TThrottleSubject,
} from "@/lib/rate-limit/throttle";
import { assertNoNulInQuery, errorJson, errorResponse } from "./http";
import { timedRoute } from "@/lib/metrics/http-metrics";

type TOptions = {
  maxBodyBytes?: number;
  /**
   * Called by browser SDKs from any origin (the ingest calls): every answer, errors included,
   * carries `Access-Control-Allow-Origin: *` so the SDK can read it, and a request from a page
   * (it has an `Origin` header) must use a public write key: a secret key in a page is a leak,
   * refused with 403 before anything is written.
   */
  browser?: boolean;
};

export const BROWSER_CORS = { "access-control-allow-origin": "*" } as const;

/** Reads `writeKey` from a JSON body, where Segment's browser library puts it. */
function writeKeyOf(body: string): string | null {
  if (!body.includes("writeKey")) return null;
  try {
    const key = (JSON.parse(body) as { writeKey?: unknown }).writeKey;
    return typeof key === "string" ? key : null;
  } catch {
    return null;
  }
}

/**
 * Wraps a public /api/v1 route: the API key decides the workspace, and nothing else can. The key
 * comes from `Authorization` (Bearer, or Basic with the key as user) or, for Segment's browser
 * library, a `writeKey` in the body. Bodies are read here through the one body reader: gzip or
 * deflate accepted, capped at `maxBodyBytes` after decompression (413 beyond). Like Segment's API,
 * any content type is read as JSON: RudderStack's SDK labels its gzip batches form-encoded (axios'
 * default), sendBeacon sends text/plain, and the key (not a cookie) authenticates, so a cross-site
 * form gains nothing.
 * Every route names the `scope` it needs (the route inventory test checks); a key without it is
 * a 403 that names the scope, so an integrator knows which key to use.
 */
export function withApiKey<P>(
  scope: TRouteScope,
  handler: (
    req: NextRequest,
    ctx: { params: P; apiKey: TApiKeyContext; body: string },
  ) => Promise<Response>,
  opts: TOptions = {},
) {
  // Latency by route pattern (lib/metrics/http-metrics.ts).
  return timedRoute(async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const res = await answer(req, route);
    if (opts.browser) for (const [k, v] of Object.entries(BROWSER_CORS)) res.headers.set(k, v);
    return res;
  });

  async function answer(req: NextRequest, route: { params: Promise<P> }): Promise<Response> {
    try {
      const hasBody = !(req.method === "GET" || req.method === "DELETE" || req.method === "HEAD");
      const body = hasBody
        ? await readBodyText(req, { maxBytes: opts.maxBodyBytes ?? 64 * 1024 })
        : "";
      const header = req.headers.get("authorization");
      const bodyKey = header ? null : writeKeyOf(body);
      const ip = apiKeyIp(req);
      // The hot path: a memory lookup only; failures below refresh it from the database.
      await assertNotThrottled([ip], { memoryOnly: true });
      const apiKey = await authenticateApiKey(header ?? (bodyKey ? `Bearer ${bodyKey}` : null));
      if (!apiKey) {
        await refuseBadKey(ip);
        return errorJson(
          401,
          "invalid_api_key",
          "Missing, unknown or revoked API key (Authorization: Bearer <key>)",
        );
      }
      if (!keyAllows(apiKey, scope)) return insufficientScope(apiKey.kind, scope);
      if (opts.browser && req.headers.get("origin") && apiKey.kind !== "public")
        return errorJson(
          403,
          "secret_key_in_browser",
          "A secret key must not be used in a web page; use the workspace's public write key",
        );
      assertNoNulInQuery(req);
      return await handler(req, { params: await route.params, apiKey, body });
    } catch (err) {
      return errorResponse(err);
    }
  }
}

export const apiKeyIp = (req: Request): TThrottleSubject => ({
  name: "apikey:ip",
  id: clientIp(req.headers),
});

/** Counts a bad key against the caller's IP; throws RateLimitedError once that blocks it. */
export async function refuseBadKey(ip: TThrottleSubject): Promise<void> {
  const blockedFor = await recordThrottleHit([ip]);
  if (blockedFor) throw new RateLimitedError(blockedFor);
}

export function insufficientScope(kind: TApiKeyContext["kind"], scope: TRouteScope): Response {
  return errorJson(
    403,
    "insufficient_scope",
    kind === "public"
      ? `A public write key cannot do this; use a secret key with the ${scope} scope`
      : `This key lacks the ${scope} scope`,
    undefined,
    { scope },
  );
}
