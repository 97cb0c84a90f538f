import type { TWarmUp } from "./provider-config";

const DAY_MS = 86_400_000;

/** `2026-03-04` for the UTC day `at` falls in: warm-up days are UTC days. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Milliseconds from `at` to the next UTC midnight, when the next day's cap opens. */
export function msUntilNextUtcDay(at: Date): number {
  const next = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  return Math.max(1, next - at.getTime());
}

/**
 * How many messages campaigns may send through a warming provider on `at`'s UTC day, or null when
 * there is no cap (warm-up off or finished). Day 0 is `startDate`: the cap starts at
 * `startPerDay` and is multiplied by `growthFactor` each day, until it reaches `maxPerDay` or,
 * without one, a full day at the provider's send rate; then the plan is over.
 */
export function warmUpCap(
  warmUp: TWarmUp | undefined,
  messagesPerSecond: number | undefined,
  at: Date,
): number | null {
  if (!warmUp?.enabled) return null;
  const start = Date.parse(`${warmUp.startDate}T00:00:00Z`);
  const day = Math.max(0, Math.floor((Date.parse(`${utcDay(at)}T00:00:00Z`) - start) / DAY_MS));
  const end = warmUp.maxPerDay ?? (messagesPerSecond ? messagesPerSecond * 86_400 : Infinity);
  const cap = Math.floor(warmUp.startPerDay * warmUp.growthFactor ** day);
  return cap >= end ? null : cap;
}
