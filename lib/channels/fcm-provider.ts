import { combinePushResults } from "./combine-push-results";
import { createGoogleAccessTokenSource, type TAccessTokenSource } from "./google-access-token";
import {
  fetchOrFailure,
  isRetryableStatus,
  parseRetryAfter,
  readJson,
  scrub,
  type TFailure,
} from "./http-outcome";
import type { TFcmConfig } from "./provider-config";
import { readPrivateKey } from "./sign-jwt";
import type { ChannelProvider, TPushMessage, TPushTarget, TSendResult } from "./types";

/** FCM error codes that condemn the token itself (uninstalled app, token of another project). */
const DEAD_TOKEN_CODES = new Set(["UNREGISTERED", "SENDER_ID_MISMATCH"]);

type TFcmError = {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { "@type"?: string; errorCode?: string }[];
  };
};

export function fcmMessageBody(message: TPushMessage, target: TPushTarget) {
  const data: Record<string, string> = { ...message.data, messageId: message.messageId };
  if (message.deepLink) data.deepLink = message.deepLink;
  return {
    message: {
      token: target.token,
      notification: {
        title: message.title,
        body: message.body,
        ...(message.imageUrl ? { image: message.imageUrl } : {}),
      },
      data,
      android: { priority: "high" },
      // FCM only opens https links from a web notification.
      ...(message.deepLink?.startsWith("https://")
        ? { webpush: { fcm_options: { link: message.deepLink } } }
        : {}),
    },
  };
}

export function classifyFcmError(
  status: number,
  body: TFcmError | undefined,
  token: string,
  retryAfter: string | null,
): TFailure {
  const err = body?.error;
  const errorCode =
    err?.details?.find((d) => d.errorCode)?.errorCode ?? err?.status ?? String(status);
  const message = scrub(err?.message ?? `HTTP ${status}`, []);
  const deadToken =
    DEAD_TOKEN_CODES.has(errorCode) ||
    (errorCode === "INVALID_ARGUMENT" && /registration token|not a valid FCM/i.test(message));
  if (deadToken)
    return {
      ok: false,
      retryable: false,
      reason: `FCM ${errorCode}: the device token is no longer valid`,
      code: errorCode,
      invalidTokens: [token],
    };
  if (
    isRetryableStatus(status) ||
    errorCode === "UNAVAILABLE" ||
    errorCode === "INTERNAL" ||
    errorCode === "QUOTA_EXCEEDED"
  ) {
    return {
      ok: false,
      retryable: true,
      reason: `FCM ${errorCode}: ${message}`,
      code: errorCode,
      retryAfterSeconds: parseRetryAfter(retryAfter),
    };
  }
  if (status === 401 || status === 403)
    return {
      ok: false,
      retryable: false,
      reason: `FCM refused the service account (${errorCode}): ${message}`,
      code: errorCode,
    };
  return { ok: false, retryable: false, reason: `FCM ${errorCode}: ${message}`, code: errorCode };
}

/** A broken key fails every send the same way; it is reported per send instead of thrown at construction. */
function createTokenSource(
  config: TFcmConfig,
  options: { timeoutMs?: number; now?: () => number },
): TAccessTokenSource | { failure: TFailure } {
  try {
    return createGoogleAccessTokenSource(
      config.serviceAccount,
      readPrivateKey(config.serviceAccount.private_key, "serviceAccount.private_key"),
      options,
    );
  } catch (err) {
    return {
      failure: {
        ok: false,
        retryable: false,
        reason: `FCM settings: ${(err as Error).message}`,
        code: "bad_config",
      },
    };
  }
}

/** Push over FCM HTTP v1: one request per device token, with a cached OAuth token. */
export function createFcmProvider(
  config: TFcmConfig,
  options: { timeoutMs?: number; concurrency?: number; now?: () => number } = {},
): ChannelProvider<TPushMessage> {
  const account = config.serviceAccount;
  const tokens = createTokenSource(config, options);
  const url = `${config.baseUrl}/v1/projects/${encodeURIComponent(account.project_id)}/messages:send`;

  async function sendOne(
    message: TPushMessage,
    target: TPushTarget,
    retried = false,
  ): Promise<TSendResult> {
    if ("failure" in tokens) return tokens.failure;
    const access = await tokens.get();
    if ("failure" in access) return access.failure;
    const got = await fetchOrFailure(
      url,
      {
        method: "POST",
        headers: { authorization: `Bearer ${access.token}`, "content-type": "application/json" },
        body: JSON.stringify(fcmMessageBody(message, target)),
      },
      "FCM",
      options.timeoutMs,
    );
    if ("failure" in got) return got.failure;
    const { response } = got;
    const json = (await readJson(response)) as (TFcmError & { name?: string }) | undefined;
    if (response.ok) return { ok: true, status: "sent", providerMessageId: json?.name };
    // A token revoked before its expiry: fetch a new one once.
    if (response.status === 401 && !retried) {
      tokens.invalidate();
      return sendOne(message, target, true);
    }
    return classifyFcmError(
      response.status,
      json,
      target.token,
      response.headers.get("retry-after"),
    );
  }

  return {
    kind: "fcm",
    async send(message) {
      const results: TSendResult[] = [];
      const limit = options.concurrency ?? 10;
      for (let i = 0; i < message.targets.length; i += limit) {
        results.push(
          ...(await Promise.all(
            message.targets.slice(i, i + limit).map((t) => sendOne(message, t)),
          )),
        );
      }
      return combinePushResults(results);
    },
  };
}
