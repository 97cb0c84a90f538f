import { randomUUID } from "node:crypto";
import { parseSigV4, signatureMatches } from "@/lib/pinpoint/sigv4";
import {
  startHttpSink,
  type THttpSink,
  type TRecordedRequest,
  type TSinkResponse,
} from "./http-sink";

/**
 * A loopback stand-in for the two AWS APIs Waymark sends through: SES v2 (REST-JSON,
 * `POST /v2/email/outbound-emails`, signed for `ses`) and End User Messaging SMS and voice
 * (AWS-JSON 1.0, `X-Amz-Target: PinpointSMSVoiceV2.*`, signed for `sms-voice`). Every request's
 * SigV4 signature is checked with the server-side verifier the Pinpoint-compatible API uses
 * (lib/pinpoint/sigv4.ts); a bad one gets AWS's own refusal. Answers are AWS's JSON shapes,
 * including the errors a test queues with `failNext`.
 */

export const TEST_AWS_KEY = {
  accessKeyId: "AKIAWAYMARKTEST00001",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWAYMARKKEY",
};

export type TAwsApi = "ses" | "sms-voice";
export type TAwsCall = {
  api: TAwsApi;
  /** `SendEmail`, `SendTextMessage`, `SendVoiceMessage`. */
  operation: string;
  region: string;
  input: Record<string, unknown>;
  request: TRecordedRequest;
};
export type TAwsFailure = { status: number; type?: string; message?: string; retryAfter?: string };

export type TAwsSink = {
  url: string;
  http: THttpSink;
  /** Requests whose signature verified and that were answered with success, in order. */
  readonly accepted: TAwsCall[];
  /** Requests refused for their signature. */
  readonly refused: TRecordedRequest[];
  /** The next calls (of either API) fail like this, in order. */
  failNext(...failures: TAwsFailure[]): void;
  reset(): void;
  close(): Promise<void>;
};

function apiOf(req: TRecordedRequest): { api: TAwsApi; operation: string } | null {
  const target = req.headers["x-amz-target"];
  if (target?.startsWith("PinpointSMSVoiceV2."))
    return { api: "sms-voice", operation: target.slice("PinpointSMSVoiceV2.".length) };
  if (req.method === "POST" && req.path.split("?")[0] === "/v2/email/outbound-emails")
    return { api: "ses", operation: "SendEmail" };
  return null;
}

/** An error as each protocol carries it: REST-JSON names it in a header, AWS-JSON in `__type`. */
function awsError(api: TAwsApi | null, f: TAwsFailure): TSinkResponse {
  const message = f.message ?? f.type ?? "error";
  const headers: Record<string, string> = {
    "x-amzn-requestid": randomUUID(),
    ...(f.retryAfter ? { "retry-after": f.retryAfter } : {}),
  };
  if (!f.type) return { status: f.status, headers, body: `<html>${f.status}</html>` };
  if (api === "sms-voice")
    return {
      status: f.status,
      headers: { ...headers, "content-type": "application/x-amz-json-1.0" },
      body: { __type: f.type, message },
    };
  return {
    status: f.status,
    headers: { ...headers, "x-amzn-errortype": f.type },
    body: { message },
  };
}

export async function startAwsSink(
  key: { accessKeyId: string; secretAccessKey: string } = TEST_AWS_KEY,
): Promise<TAwsSink> {
  const accepted: TAwsCall[] = [];
  const refused: TRecordedRequest[] = [];
  const failures: TAwsFailure[] = [];
  const http = await startHttpSink({
    respond(req) {
      const which = apiOf(req);
      const [rawPath = "/", rawQuery = ""] = req.path.split("?");
      const headers = new Headers(req.headers);
      const parsed = parseSigV4(headers, new Date());
      const verified =
        parsed.ok &&
        parsed.auth.accessKeyId === key.accessKeyId &&
        parsed.auth.service === which?.api &&
        signatureMatches(
          { method: req.method, rawPath, rawQuery, headers, body: Buffer.from(req.body) },
          parsed.auth,
          key.secretAccessKey,
        );
      if (!verified || !parsed.ok) {
        refused.push(req);
        return awsError(which?.api ?? null, {
          status: 403,
          type: "InvalidSignatureException",
          message: "The request signature we calculated does not match the signature you provided.",
        });
      }
      if (!which) return awsError(null, { status: 404, type: "UnknownOperationException" });
      const failure = failures.shift();
      if (failure) return awsError(which.api, failure);
      accepted.push({
        ...which,
        region: parsed.auth.region,
        input: req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {},
        request: req,
      });
      const MessageId = which.api === "ses" ? `0100-${randomUUID()}-000000` : randomUUID();
      return {
        status: 200,
        headers: {
          "x-amzn-requestid": randomUUID(),
          ...(which.api === "sms-voice" ? { "content-type": "application/x-amz-json-1.0" } : {}),
        },
        body: { MessageId },
      };
    },
  });
  return {
    url: http.url,
    http,
    accepted,
    refused,
    failNext: (...f) => void failures.push(...f),
    reset() {
      accepted.length = 0;
      refused.length = 0;
      failures.length = 0;
      http.reset();
    },
    close: () => http.close(),
  };
}
