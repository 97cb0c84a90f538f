import { guardedFetch, type TGuardedInit } from "@/lib/net/guarded-fetch";
import { isOutboundRefused, refusedReason } from "@/lib/net/outbound-refused";
import type { TSendResult } from "./types";

/** Shared by the HTTP providers: timeouts, Retry-After, which statuses are worth retrying, secret scrubbing. */

export const DEFAULT_TIMEOUT_MS = 15_000;

export type TFailure = Extract<TSendResult, { ok: false }>;

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(
  header: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** 408, 425, 429 and every 5xx may pass later; any other status will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Removes every secret from text that may end up in the message log. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}

/** A thrown fetch error (timeout, refused connection, DNS) as a retryable failure. */
export function networkFailure(err: unknown, label: string): TFailure {
  // A refused destination will be refused next time too, and says nothing about why.
  if (isOutboundRefused(err))
    return {
      ok: false,
      retryable: false,
      reason: refusedReason(label),
      code: "destination_not_allowed",
    };
  const e = err as { name?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") {
    return {
      ok: false,
      retryable: true,
      reason: `${label} did not answer in time`,
      code: "timeout",
    };
  }
  const code = e?.cause?.code ?? "network";
  return { ok: false, retryable: true, reason: `${label} could not be reached (${code})`, code };
}

/**
 * The guarded client with a deadline (only public destinations, or allow-listed ones); a network
 * failure or refusal comes back as a result instead of an exception.
 */
export async function fetchOrFailure(
  url: string,
  init: Omit<TGuardedInit, "timeoutMs">,
  label: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<{ response: Response } | { failure: TFailure }> {
  try {
    const response = await guardedFetch(url, { ...init, timeoutMs });
    return { response };
  } catch (err) {
    return { failure: networkFailure(err, label) };
  }
}

/** The body as JSON when it is JSON, else undefined; never throws (the body may be cut or HTML). */
export async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
