const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/gy;

/**
 * Milliseconds of an Inngest time string ("1h30m", "2d", "300ms"), or null when it is not one.
 * The SDK sends these for sleeps and wait timeouts (spec 5.3.2).
 */
export function parseTimeString(input: string): number | null {
  if (!input) return null;
  PART.lastIndex = 0;
  let total = 0;
  let at = 0;
  for (let m = PART.exec(input); m; m = PART.exec(input)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    at = PART.lastIndex;
  }
  return at === input.length ? Math.ceil(total) : null;
}

/** When a sleep ends: its name is a time string (step.sleep) or an ISO date (step.sleepUntil). */
export function sleepUntil(name: string, nowMs: number): number {
  const ms = parseTimeString(name);
  if (ms !== null) return nowMs + ms;
  const at = Date.parse(name);
  if (Number.isNaN(at)) throw new Error(`Sleep "${name}" is neither a time string nor an ISO date`);
  return at;
}
