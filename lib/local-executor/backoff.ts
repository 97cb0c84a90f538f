const BASE_MS = 10_000;
const MAX_MS = 12 * 3600_000;

/**
 * Delay before retry number `attempt` (1-based): 10 s, 20 s, 40 s … capped at 12 h, with up to
 * 10% jitter so a burst of failures does not retry in lockstep. A `Retry-After` from the SDK wins.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter?: string | null,
  nowMs = Date.now(),
  jitter = Math.random(),
): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const base = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.1 * jitter));
}
