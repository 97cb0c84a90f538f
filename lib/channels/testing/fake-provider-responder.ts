import { randomUUID } from "node:crypto";
import type { TRecordedRequest, TSinkResponse } from "./http-sink";

/**
 * Answers like the real services would on success, so one HTTP sink can stand in for Twilio,
 * Google OAuth + FCM and any webhook endpoint at once (run-sinks and e2e use it):
 * `…/token` issues an access token, `…/Messages.json` and `…/Calls.json` a SID,
 * `…/messages:send` an FCM message name, anything else `200 {}`.
 */
export function fakeProviderResponder(req: TRecordedRequest): TSinkResponse {
  const path = req.path.split("?")[0] ?? "";
  if (path.endsWith("/token"))
    return {
      body: { access_token: `fake-${randomUUID()}`, expires_in: 3600, token_type: "Bearer" },
    };
  if (path.endsWith("/Messages.json"))
    return { status: 201, body: { sid: `SM${randomUUID().replace(/-/g, "")}`, status: "queued" } };
  if (path.endsWith("/Calls.json"))
    return { status: 201, body: { sid: `CA${randomUUID().replace(/-/g, "")}`, status: "queued" } };
  const project = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(path)?.[1];
  if (project) return { body: { name: `projects/${project}/messages/${randomUUID()}` } };
  return { body: {} };
}
