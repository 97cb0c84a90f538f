import {
  activeThrottleBlock,
  clearThrottle,
  hitThrottle,
  type TThrottleRule,
} from "@/db/queries/throttles";
import { AppError } from "@/lib/errors";

/**
 * The limits, per IP and per account. Counted: failures for sign-in, invites and API keys (a
 * person or server that gets it right is never slowed), every attempt for sign-up (each one
 * costs a password hash and may create an account).
 */
export const THROTTLE_RULES = {
  "signin:ip": { limit: 20, windowSeconds: 900, blockSeconds: 30, maxBlockSeconds: 900 },
  "signin:account": { limit: 5, windowSeconds: 900, blockSeconds: 30, maxBlockSeconds: 900 },
  "signup:ip": { limit: 30, windowSeconds: 3600, blockSeconds: 60, maxBlockSeconds: 3600 },
  "invite:ip": { limit: 10, windowSeconds: 900, blockSeconds: 30, maxBlockSeconds: 900 },
  "invite:account": { limit: 5, windowSeconds: 900, blockSeconds: 30, maxBlockSeconds: 900 },
  "apikey:ip": { limit: 30, windowSeconds: 300, blockSeconds: 10, maxBlockSeconds: 600 },
  // Live previews render templates and count segments on every keystroke pause: generous for a
  // person, a wall for a script looping on them.
  "preview:account": { limit: 120, windowSeconds: 60, blockSeconds: 10, maxBlockSeconds: 120 },
  // One-time passcodes: every send counts. Per destination (a person asks again a few times),
  // and per number range (the number without its last three digits: SMS pumping walks a range of
  // premium numbers, one request each).
  "otp:destination": { limit: 5, windowSeconds: 900, blockSeconds: 300, maxBlockSeconds: 3600 },
  "otp:range": { limit: 20, windowSeconds: 3600, blockSeconds: 600, maxBlockSeconds: 3600 },
  // Guesses per destination across its codes, on top of each code's own allowed attempts.
  "otp-verify:destination": {
    limit: 15,
    windowSeconds: 900,
    blockSeconds: 300,
    maxBlockSeconds: 3600,
  },
} satisfies Record<string, TThrottleRule>;
export type TThrottleName = keyof typeof THROTTLE_RULES;
export type TThrottleSubject = { name: TThrottleName; id: string };

const keyOf = (s: TThrottleSubject) => `${s.name}:${s.id.toLowerCase()}`;

// The fast path: blocks this process has seen, so a blocked caller hammering an endpoint costs
// a Map lookup, not a query. Bounded; the database stays the source of truth.
const MEMORY_MAX = 10_000;
const blocks = new Map<string, number>();

function remember(key: string, until: Date) {
  if (blocks.size >= MEMORY_MAX) blocks.delete(blocks.keys().next().value!);
  blocks.set(key, until.getTime());
}

function blockedInMemory(keys: string[], now: number): number | null {
  let latest: number | null = null;
  for (const k of keys) {
    const until = blocks.get(k);
    if (until === undefined) continue;
    if (until <= now) blocks.delete(k);
    else latest = Math.max(latest ?? 0, until);
  }
  return latest;
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "rate_limited",
      `Too many attempts; try again in ${retryAfterSeconds} s`,
      undefined,
      {
        retryAfterSeconds,
      },
    );
  }
}

const secondsUntil = (until: number) => Math.max(1, Math.ceil((until - Date.now()) / 1000));

/**
 * Throws RateLimitedError when any subject is blocked. `memoryOnly` is for hot paths (API key
 * authentication at ingestion rates): it trusts this process's copy, which every failure
 * refreshes from the database.
 */
export async function assertNotThrottled(
  subjects: TThrottleSubject[],
  opts: { memoryOnly?: boolean } = {},
): Promise<void> {
  const keys = subjects.map(keyOf);
  const now = Date.now();
  const fast = blockedInMemory(keys, now);
  if (fast) throw new RateLimitedError(secondsUntil(fast));
  if (opts.memoryOnly) return;
  const until = await activeThrottleBlock(keys);
  if (until) {
    for (const k of keys) remember(k, until);
    throw new RateLimitedError(secondsUntil(until.getTime()));
  }
}

/** Counts an attempt for each subject; returns the longest block it caused (seconds), if any. */
export async function recordThrottleHit(subjects: TThrottleSubject[]): Promise<number | null> {
  let longest: number | null = null;
  for (const s of subjects) {
    const until = await hitThrottle(keyOf(s), THROTTLE_RULES[s.name]);
    if (!until) continue;
    remember(keyOf(s), until);
    longest = Math.max(longest ?? 0, secondsUntil(until.getTime()));
  }
  return longest;
}

export async function clearThrottleFor(subject: TThrottleSubject): Promise<void> {
  blocks.delete(keyOf(subject));
  await clearThrottle(keyOf(subject));
}

/** Test hook: forget the in-memory blocks (as a fresh process would). */
export function forgetThrottleMemory() {
  blocks.clear();
}

/** Counts one use of a limited action and throws RateLimitedError once it is blocked. */
export async function takeThrottled(subject: TThrottleSubject): Promise<void> {
  await assertNotThrottled([subject]);
  await recordThrottleHit([subject]);
}
