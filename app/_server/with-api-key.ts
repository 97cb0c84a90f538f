import type { NextRequest } from "next/server";
import { authenticateApiKey, type TApiKeyContext } from "@/lib/api-keys/authenticate-api-key";
import { errorJson, errorResponse } from "./http";

/** Wraps a public /api/v1 route: the API key decides the workspace, and nothing else can. */
export function withApiKey<P>(handler: (req: NextRequest, ctx: { params: P; apiKey: TApiKeyContext }) => Promise<Response>) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const apiKey = await authenticateApiKey(req.headers.get("authorization"));
      if (!apiKey) {
        return errorJson(401, "invalid_api_key", "Missing, unknown or revoked API key (Authorization: Bearer <key>)");
      }
      return await handler(req, { params: await route.params, apiKey });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
