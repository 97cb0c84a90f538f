const known = new Map<string, boolean>();
/** Bounds the cache: zone names come from callers (API bodies), so it must not grow without end. */
const MAX_CACHED = 1000;

/**
 * Whether the runtime knows this IANA time zone (aliases such as `US/Eastern` included). The answer
 * is cached: building an `Intl.DateTimeFormat` to find out costs tens of microseconds, and
 * ingestion asks once per event or endpoint carrying a zone (about 7 % of a Pinpoint `PutEvents`
 * request's time before the cache, docs/benchmarks.md), journeys once per contact step and
 * templates once per render. The one implementation for all of them.
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !zone) return false;
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < MAX_CACHED) known.set(zone, ok);
  }
  return ok;
}
