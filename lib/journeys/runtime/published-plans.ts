/**
 * Published journey versions never change, yet every step of every run used to read its version
 * row again and parse the plan: one round trip per contact per step at audience scale. This keeps
 * what the loader returns by (journey, version), least recently used dropped first. The promise
 * is kept, so a burst of runs of a new version reads it once; a failed or empty read is not kept.
 */
export function cachePublishedPlans<T>(
  load: (journeyId: string, version: number) => Promise<T | null>,
  maxEntries = 200,
): (journeyId: string, version: number) => Promise<T | null> {
  const cache = new Map<string, Promise<T | null>>();
  return (journeyId, version) => {
    const key = `${journeyId}:${version}`;
    const hit = cache.get(key);
    if (hit) {
      // Re-inserted so the map's order is least recently used first.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const loading = load(journeyId, version);
    cache.set(key, loading);
    loading.then(
      (v) => v === null && cache.delete(key),
      () => cache.delete(key),
    );
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return loading;
  };
}
