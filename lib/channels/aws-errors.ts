import { networkFailure, scrub, type TFailure } from "./http-outcome";

/**
 * An AWS SDK error as the pipeline's failure classes: throttling and server faults come back
 * later, a rejected message or a paused account does not (retrying would only repeat the
 * refusal, and SES counts rejections against the account).
 */

/** Too many requests for the account's quota: the same message will pass once the rate drops. */
const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "LimitExceededException",
  "RequestLimitExceeded",
]);

/** The credentials are wrong or lack a permission: every message will fail until an admin acts. */
const AUTH = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "AccessDeniedException",
  "ExpiredTokenException",
  "MissingAuthenticationTokenException",
  // Ours: the provider asks for the server's own credentials on an install that does not lend them.
  "DefaultCredentialsRefused",
]);

/** Refusals of this message, this sender or this account: the same request fails again. */
const PERMANENT = new Set([
  "MessageRejected",
  "AccountSuspendedException",
  "SendingPausedException",
  "AccountSendingPausedException",
  "MailFromDomainNotVerifiedException",
  "BadRequestException",
  "ValidationException",
  "NotFoundException",
  "ResourceNotFoundException",
  "ConflictException",
  "ServiceQuotaExceededException",
]);

type TAwsError = Error & {
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
  $response?: { headers?: Record<string, string> };
  Reason?: string;
};

export function classifyAwsError(
  err: unknown,
  label: string,
  secrets: readonly (string | undefined)[],
): TFailure {
  const e = err as TAwsError;
  const status = e?.$metadata?.httpStatusCode;
  // No HTTP answer at all: a refused destination, a timeout, a reset.
  if (!e || typeof e !== "object" || (status === undefined && !e.$fault))
    return networkFailure(err, label);
  const name = e.name || "Error";
  const detail = scrub(`${e.message || `HTTP ${status}`}${e.Reason ? ` (${e.Reason})` : ""}`, [
    ...secrets,
  ]);
  const code = name !== "Error" ? name : String(status ?? "aws");
  const retryAfter = Number(e.$response?.headers?.["retry-after"]);
  if (THROTTLING.has(name) || status === 429 || e.$retryable?.throttling)
    return {
      ok: false,
      retryable: true,
      reason: `${label} is throttling this account: ${detail}`,
      code,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  if (AUTH.has(name) || status === 401 || status === 403)
    return {
      ok: false,
      retryable: false,
      reason: `${label} rejected the credentials or their permissions (${name}): ${detail}`,
      code,
    };
  if (PERMANENT.has(name))
    return { ok: false, retryable: false, reason: `${label} ${name}: ${detail}`, code };
  if (e.$fault === "server" || (status !== undefined && status >= 500))
    return {
      ok: false,
      retryable: true,
      reason: `${label} is failing (HTTP ${status ?? "5xx"}): ${detail}`,
      code,
    };
  return {
    ok: false,
    retryable: status === 408,
    reason: `${label} ${name}: ${detail}`,
    code,
  };
}
