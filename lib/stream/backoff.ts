/**
 * When a failing batch is tried again: 10 s, 20 s, 40 s… doubling up to an hour between tries (or
 * later when the receiver asked so with Retry-After, within that hour), for the retry window (24 h
 * by default). Past the window the batch becomes a dead letter and the stream goes on.
 */
export type TRetryPolicy = { baseMs: number; maxMs: number; windowMs: number };

export function nextAttemptDelayMs(
  attempts: number,
  policy: TRetryPolicy,
  retryAfterSeconds?: number,
): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const asked = retryAfterSeconds ? Math.min(policy.maxMs, retryAfterSeconds * 1000) : 0;
  return Math.max(exp, asked);
}

/** True once a batch has failed for longer than the window: it goes to the dead letters. */
export function retryWindowOver(failingSince: Date, now: Date, policy: TRetryPolicy): boolean {
  return now.getTime() - failingSince.getTime() >= policy.windowMs;
}
