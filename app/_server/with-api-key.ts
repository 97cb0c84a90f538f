import type { NextRequest } from "next/server";
import { authenticateApiKey, type TApiKeyContext } from "@/lib/api-keys/authenticate-api-key";
import { errorJson, errorResponse } from "./http";
import { readBodyLimited } from "./read-body";
import { timedRoute } from "@/lib/metrics/http-metrics";

type TOptions = { maxBodyBytes?: number };

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
 * library, a `writeKey` in the body. Bodies are read here, capped at `maxBodyBytes` (413 beyond).
 */
export function withApiKey<P>(
  handler: (
    req: NextRequest,
    ctx: { params: P; apiKey: TApiKeyContext; body: string },
  ) => Promise<Response>,
  opts: TOptions = {},
) {
  // Latency by route pattern (lib/metrics/http-metrics.ts).
  return timedRoute(async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const body =
        req.method === "GET" || req.method === "DELETE" || req.method === "HEAD"
          ? ""
          : await readBodyLimited(req, opts.maxBodyBytes ?? 64 * 1024);
      const header = req.headers.get("authorization");
      const bodyKey = header ? null : writeKeyOf(body);
      const apiKey = await authenticateApiKey(header ?? (bodyKey ? `Bearer ${bodyKey}` : null));
      if (!apiKey) {
        return errorJson(
          401,
          "invalid_api_key",
          "Missing, unknown or revoked API key (Authorization: Bearer <key>)",
        );
      }
      return await handler(req, { params: await route.params, apiKey, body });
    } catch (err) {
      return errorResponse(err);
    }
  });
}
