import type { NextRequest } from "next/server";
import { findActiveKeyByAccessKeyId, recordSignatureOnce } from "@/db/queries/pinpoint";
import { keyAllows } from "@/lib/api-keys/key-scopes";
import { ValidationError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { timedRoute } from "@/lib/metrics/http-metrics";
import { acceptedSecretAccessKeys } from "@/lib/pinpoint/aws-credentials";
import { ZId } from "@/lib/pinpoint/pinpoint-schemas";
import { MAX_SKEW_MS, parseSigV4, SIGV4_SERVICE, signatureMatches } from "@/lib/pinpoint/sigv4";
import { assertNotThrottled } from "@/lib/rate-limit/throttle";
import { apiKeyIp, refuseBadKey } from "./with-api-key";
import { pinpointError, pinpointErrorResponse } from "./pinpoint-error";

/** Pinpoint's own quota for a PutEvents request. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export type TSigV4Context<P> = {
  params: P;
  workspace: { id: string; slug: string; name: string; timezone: string };
  /** The application id as the caller wrote it, echoed in responses. */
  applicationId: string;
  /** The body as JSON (null when there is none); the route validates it. */
  json: unknown;
};

/**
 * Wraps a Pinpoint-compatible route (`/api/pinpoint/v1/apps/{ApplicationId}/…`): the request must
 * carry an AWS Signature Version 4 for service `mobiletargeting`, made with the access key id and
 * secret of a Waymark key holding the `pinpoint` scope (the secret derived from AUTH_SECRET, or
 * from one in AUTH_SECRET_PREVIOUS during a rotation), dated within 15 minutes, never seen
 * before (replays are refused), and the application id in the path must name that key's
 * workspace. Bad signatures count against the caller's IP like bad API keys do. Errors answer in
 * Pinpoint's shape, so the AWS SDK raises the exception an app already handles.
 */
export function withSigV4<P extends { appId: string }>(
  handler: (req: NextRequest, ctx: TSigV4Context<P>) => Promise<Response>,
) {
  return timedRoute(async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const now = new Date();
      const ip = apiKeyIp(req);
      await assertNotThrottled([ip], { memoryOnly: true });

      // Everything that can be refused from the headers alone is, before a byte of the body is
      // read: an anonymous caller must not make the server buffer 4 MB per request.
      const parsed = parseSigV4(req.headers, now);
      if (!parsed.ok) {
        if (parsed.reason !== "missing") await refuseBadKey(ip);
        return pinpointError(
          403,
          parsed.reason === "missing"
            ? "MissingAuthenticationTokenException"
            : "InvalidSignatureException",
          parsed.message,
        );
      }
      const { auth } = parsed;
      if (auth.service !== SIGV4_SERVICE)
        return pinpointError(403, "InvalidSignatureException", `Sign for service ${SIGV4_SERVICE}`);
      const key = await findActiveKeyByAccessKeyId(auth.accessKeyId);
      if (!key) {
        await refuseBadKey(ip);
        return pinpointError(
          403,
          "UnrecognizedClientException",
          "The security token included in the request is invalid (unknown or revoked access key)",
        );
      }
      const hasBody = !(req.method === "GET" || req.method === "DELETE" || req.method === "HEAD");
      const body = hasBody
        ? await readBodyBytes(req, { maxBytes: MAX_BODY_BYTES, allowCompressed: false })
        : Buffer.alloc(0);
      const url = new URL(req.url);
      const signed = {
        method: req.method,
        rawPath: url.pathname,
        rawQuery: url.search.slice(1),
        headers: req.headers,
        body,
      };
      const secrets = acceptedSecretAccessKeys(key.keyHash);
      if (!secrets.some((secret) => signatureMatches(signed, auth, secret))) {
        await refuseBadKey(ip);
        return pinpointError(
          403,
          "InvalidSignatureException",
          "The request signature we calculated does not match the signature you provided",
        );
      }
      if (!keyAllows(key, "pinpoint"))
        return pinpointError(403, "AccessDeniedException", "This key lacks the pinpoint scope");
      const expires = new Date(auth.amzDate.getTime() + MAX_SKEW_MS);
      if (!(await recordSignatureOnce(auth.signature, expires, now, key.id)))
        return pinpointError(
          403,
          "InvalidSignatureException",
          "This signed request was already served (replay)",
        );

      const params = await route.params;
      for (const [name, value] of Object.entries(params as Record<string, string>)) {
        if (value.includes("\u0000"))
          throw new ValidationError({ [name]: "must not contain NUL (%00)" });
        // A path id is stored as a body's is (UpdateEndpoint), so it meets the same rule.
        const id = ZId.safeParse(value);
        if (!id.success) throw new ValidationError({ [name]: id.error.issues[0]!.message });
      }
      const ws = key.workspace;
      const appId = params.appId;
      if (appId !== ws.pinpointApplicationId && appId !== ws.id.replaceAll("-", ""))
        return pinpointError(
          404,
          "NotFoundException",
          `Application ${appId} not found for this key`,
        );
      let json: unknown = null;
      if (body.length) {
        try {
          json = JSON.parse(body.toString("utf8"));
        } catch {
          throw new ValidationError({ body: "is not valid JSON" });
        }
      }
      const { pinpointApplicationId: _p, ...workspace } = ws;
      return await handler(req, { params, workspace, applicationId: appId, json });
    } catch (err) {
      return pinpointErrorResponse(err);
    }
  });
}
