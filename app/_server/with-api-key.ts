import type { NextRequest } from "next/server";
import { authenticateApiKey, type TApiKeyContext } from "@/lib/api-keys/authenticate-api-key";
import { readBodyText } from "@/lib/http/read-body";
import { errorJson, errorResponse } from "./http";

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
 * library, a `writeKey` in the body. Bodies are read here through the one body reader: gzip or
 * deflate accepted, capped at `maxBodyBytes` after decompression (413 beyond). Like Segment's API,
 * any content type is read as JSON: RudderStack's SDK labels its gzip batches form-encoded (axios'
 * default), sendBeacon sends text/plain, and the key (not a cookie) authenticates, so a cross-site
 * form gains nothing.
 */
export function withApiKey<P>(
  handler: (
    req: NextRequest,
    ctx: { params: P; apiKey: TApiKeyContext; body: string },
  ) => Promise<Response>,
  opts: TOptions = {},
) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const hasBody = !(req.method === "GET" || req.method === "DELETE" || req.method === "HEAD");
      const body = hasBody
        ? await readBodyText(req, { maxBytes: opts.maxBodyBytes ?? 64 * 1024 })
        : "";
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
  };
}
