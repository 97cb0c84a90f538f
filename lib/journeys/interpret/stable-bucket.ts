/**
 * A contact's bucket in [0, 10000) for one node: FNV-1a over "contactId:nodeId", then murmur3's
 * finaliser so near-identical ids spread evenly. Stable across runs, replays and machines, so a
 * contact always lands in the same variant and Math.random is never needed.
 */
export const BUCKETS = 10_000;

export function stableBucket(contactId: string, nodeId: string): number {
  const s = `${contactId}:${nodeId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % BUCKETS;
}

/** Which of the weighted options (percentages summing to 100) a bucket falls in. */
export function pickByPercent<T extends { percent: number }>(bucket: number, options: T[]): T {
  let upper = 0;
  for (const o of options) {
    upper += o.percent * (BUCKETS / 100);
    if (bucket < upper) return o;
  }
  return options[options.length - 1]!;
}
