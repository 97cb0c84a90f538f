import { createHmac, timingSafeEqual } from "node:crypto";
import { fetchOrFailure, isRetryableStatus, parseRetryAfter, type TFailure } from "./http-outcome";
import type { TWebhookConfig } from "./provider-config";
import type { ChannelProvider, TSendResult, TWebhookMessage } from "./types";

/**
 * Custom channels: a signed JSON POST to the customer's endpoint. The signature scheme is
 * `Waymark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; the
 * timestamp inside the MAC lets receivers reject replays.
 */

export const SIGNATURE_HEADER = "Waymark-Signature";
export const MESSAGE_ID_HEADER = "Waymark-Message-Id";

function hmac(secret: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signWebhook(
  body: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * For receivers: true when `header` carries a v1 signature of exactly `body` (the raw bytes as
 * received, before any JSON parsing) made with `secret` within `toleranceSeconds` of now.
 */
export function verifyWebhookSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Date.now() / 1000,
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("=") as [string, string?]);
  const t = parts.find(([k]) => k === "t")?.[1];
  if (!t || !/^\d+$/.test(t) || Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  // Several v1 values may be present while a secret is being rotated.
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v || !/^[0-9a-f]{64}$/i.test(v)) return false;
    return timingSafeEqual(Buffer.from(v, "hex"), expected);
  });
}

function statusFailure(status: number, retryAfter: string | null): TFailure {
  const retryable = isRetryableStatus(status);
  return {
    ok: false,
    retryable,
    reason: `Webhook endpoint answered HTTP ${status}`,
    code: String(status),
    ...(retryable ? { retryAfterSeconds: parseRetryAfter(retryAfter) } : {}),
  };
}

export function createWebhookProvider(
  config: TWebhookConfig,
  options: { timeoutMs?: number } = {},
): ChannelProvider<TWebhookMessage> {
  return {
    kind: "webhook",
    async send(message): Promise<TSendResult> {
      const body = JSON.stringify({
        messageId: message.messageId,
        payload: message.payload ?? null,
      });
      const got = await fetchOrFailure(
        message.url ?? config.url,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Waymark-Webhook/1",
            [SIGNATURE_HEADER]: signWebhook(body, config.secret),
            [MESSAGE_ID_HEADER]: message.messageId,
          },
          body,
          redirect: "manual",
        },
        "Webhook endpoint",
        options.timeoutMs,
      );
      if ("failure" in got) return got.failure;
      const { response } = got;
      await response.body?.cancel().catch(() => {});
      if (response.status >= 200 && response.status < 300)
        return {
          ok: true,
          status: "sent",
          providerMessageId: response.headers.get("x-request-id") ?? undefined,
        };
      return statusFailure(response.status, response.headers.get("retry-after"));
    },
  };
}
