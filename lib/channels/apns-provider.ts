import type { KeyObject } from "node:crypto";
import { apnsConnection } from "./apns-connection";
import { combinePushResults } from "./combine-push-results";
import {
  DEFAULT_TIMEOUT_MS,
  isRetryableStatus,
  parseRetryAfter,
  type TFailure,
} from "./http-outcome";
import { apnsBaseUrl, type TApnsConfig } from "./provider-config";
import { readPrivateKey, signJwt } from "./sign-jwt";
import type { TOutboundPolicy } from "@/lib/net/outbound-policy";
import type { ChannelProvider, TPushMessage, TSendResult } from "./types";

/** Apple rejects provider tokens older than an hour and throttles ones renewed more often than every 20 minutes. */
const JWT_REUSE_MS = 50 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function apnsPayload(message: TPushMessage): Record<string, unknown> {
  const custom = Object.fromEntries(Object.entries(message.data).filter(([k]) => k !== "aps"));
  return {
    ...custom,
    aps: {
      alert: { title: message.title, body: message.body },
      sound: "default",
      // Lets the app's notification service extension download and attach the image.
      ...(message.imageUrl ? { "mutable-content": 1 } : {}),
    },
    messageId: message.messageId,
    ...(message.deepLink ? { deepLink: message.deepLink } : {}),
    ...(message.imageUrl ? { imageUrl: message.imageUrl } : {}),
  };
}

export function classifyApnsError(
  status: number,
  reason: string | undefined,
  token: string,
  retryAfter: string | undefined,
): TFailure {
  const code = reason ?? String(status);
  // Unregistered: the app is gone from the device. BadDeviceToken: not a token for this environment.
  if (status === 410 || code === "BadDeviceToken" || code === "Unregistered") {
    return {
      ok: false,
      retryable: false,
      reason: `APNs ${code}: the device token is no longer valid`,
      code,
      invalidTokens: [token],
    };
  }
  if (isRetryableStatus(status))
    return {
      ok: false,
      retryable: true,
      reason: `APNs ${code} (HTTP ${status})`,
      code,
      retryAfterSeconds: parseRetryAfter(retryAfter),
    };
  if (status === 403)
    return {
      ok: false,
      retryable: false,
      reason: `APNs refused the signing key (${code}); check key id, team id and .p8 key`,
      code,
    };
  return { ok: false, retryable: false, reason: `APNs ${code} (HTTP ${status})`, code };
}

/** Push to iOS over APNs' HTTP/2 API, on one long-lived connection, with a reused ES256 provider token. */
export function createApnsProvider(
  config: TApnsConfig,
  options: { timeoutMs?: number; now?: () => number; policy?: TOutboundPolicy } = {},
): ChannelProvider<TPushMessage> {
  const origin = new URL(apnsBaseUrl(config)).origin;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let key: KeyObject | undefined;
  let keyError: TFailure | undefined;
  try {
    key = readPrivateKey(config.privateKey, "privateKey");
  } catch (err) {
    keyError = {
      ok: false,
      retryable: false,
      reason: `APNs settings: ${(err as Error).message}`,
      code: "bad_config",
    };
  }
  let jwt: { token: string; at: number } | undefined;
  const connection = apnsConnection(origin, timeoutMs, options.policy);

  function providerToken(fresh = false): string {
    if (fresh || !jwt || now() - jwt.at > JWT_REUSE_MS) {
      jwt = {
        token: signJwt(
          "ES256",
          { kid: config.keyId },
          { iss: config.teamId, iat: Math.floor(now() / 1000) },
          key!,
        ),
        at: now(),
      };
    }
    return jwt.token;
  }

  async function sendOne(
    message: TPushMessage,
    token: string,
    freshJwt = false,
  ): Promise<TSendResult> {
    if (keyError) return keyError;
    const headers: Record<string, string> = {
      authorization: `bearer ${providerToken(freshJwt)}`,
      "apns-topic": config.bundleId,
      "apns-push-type": "alert",
      "apns-priority": "10",
      "content-type": "application/json",
      ...(UUID.test(message.messageId) ? { "apns-id": message.messageId } : {}),
    };
    const answer = await connection.post(token, headers, JSON.stringify(apnsPayload(message)));
    if ("ok" in answer) return answer;
    if (answer.status === 200)
      return {
        ok: true,
        status: "sent",
        providerMessageId: String(answer.headers["apns-id"] ?? "") || undefined,
      };
    let reason: string | undefined;
    try {
      reason = (JSON.parse(answer.body) as { reason?: string }).reason;
    } catch {
      reason = undefined;
    }
    if (answer.status === 403 && reason === "ExpiredProviderToken" && !freshJwt)
      return sendOne(message, token, true);
    const retryAfter = answer.headers["retry-after"];
    return classifyApnsError(
      answer.status,
      reason,
      token,
      Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    );
  }

  return {
    kind: "apns",
    async send(message) {
      // HTTP/2 multiplexes these on the one connection.
      return combinePushResults(
        await Promise.all(message.targets.map((t) => sendOne(message, t.token))),
      );
    },
    close: connection.close,
  };
}
