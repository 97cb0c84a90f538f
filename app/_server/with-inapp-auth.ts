import type { NextRequest } from "next/server";
import { findContactByExternalId } from "@/db/queries/contacts";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { appKeyRing } from "@/lib/crypto/app-secret";
import { verifyInAppToken } from "@/lib/messages/inbox/inapp-token";
import { keyAllows } from "@/lib/api-keys/key-scopes";
import { errorJson, errorResponse } from "./http";
import { apiKeyIp, insufficientScope, refuseBadKey } from "./with-api-key";
import { assertNotThrottled } from "@/lib/rate-limit/throttle";

type TInAppContext = { workspaceId: string; contactId: string; userId: string };

// The inbox is read from customers' own sites: any origin, no cookies, the token is the credential.
export const INAPP_CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "86400",
};

export const inAppPreflight = () => new Response(null, { status: 204, headers: INAPP_CORS });

function withCors(res: Response): Response {
  for (const [k, v] of Object.entries(INAPP_CORS)) res.headers.set(k, v);
  return res;
}

/**
 * The in-app inbox's callers: a web page with a per-contact token (`Bearer wmc_…`, which fixes the
 * contact), or a server with a secret API key holding the `inapp` scope and `?userId=`. Never a
 * public write key: it sits in pages anyone can read, and would open every contact's inbox.
 */
export function withInAppAuth<P>(
  handler: (req: NextRequest, ctx: { params: P; contact: TInAppContext }) => Promise<Response>,
) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const header = req.headers.get("authorization") ?? "";
      const bearer = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
      let who: { workspaceId: string; userId: string } | null = null;
      const ip = apiKeyIp(req);
      await assertNotThrottled([ip], { memoryOnly: true });
      if (bearer.startsWith("wmc_")) {
        who = verifyInAppToken(appKeyRing("inapp-contact-tokens").all, bearer);
        if (!who) await refuseBadKey(ip);
        if (!who)
          return withCors(
            errorJson(401, "invalid_token", "Missing, expired or forged in-app token"),
          );
      } else {
        const apiKey = await authenticateApiKey(header || null);
        if (!apiKey) await refuseBadKey(ip);
        if (!apiKey)
          return withCors(
            errorJson(
              401,
              "invalid_api_key",
              "Send a contact token (Bearer wmc_…) or a secret key with the inapp scope and ?userId=",
            ),
          );
        if (!keyAllows(apiKey, "inapp")) return withCors(insufficientScope(apiKey.kind, "inapp"));
        const userId = new URL(req.url).searchParams.get("userId");
        if (!userId)
          return withCors(
            errorJson(400, "invalid_request", "userId is required with an API key", {
              userId: "Required",
            }),
          );
        who = { workspaceId: apiKey.workspace.id, userId };
      }
      const contact = await findContactByExternalId(who.workspaceId, who.userId);
      if (!contact) return withCors(errorJson(404, "not_found", "No contact with this userId"));
      return withCors(
        await handler(req, {
          params: await route.params,
          contact: { workspaceId: who.workspaceId, contactId: contact.id, userId: who.userId },
        }),
      );
    } catch (err) {
      return withCors(errorResponse(err));
    }
  };
}
