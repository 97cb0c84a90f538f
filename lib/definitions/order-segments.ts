import type { TFileSegment } from "./definitions-format";
import { referencedNames } from "./name-references";

/**
 * The file's segments in an order where each comes after the segments of the file it names, so
 * every reference resolves when the segment is written; or the index of one on a cycle.
 */
export function orderSegments(segments: TFileSegment[]): number[] | { cycle: number } {
  const index = new Map(segments.map((s, i) => [s.name, i]));
  const state = new Map<number, "visiting" | "done">();
  const order: number[] = [];
  const visit = (i: number): number | null => {
    if (state.get(i) === "done") return null;
    if (state.get(i) === "visiting") return i;
    state.set(i, "visiting");
    for (const name of referencedNames(segments[i]!.definition).segment) {
      const j = index.get(name);
      if (j === undefined) continue;
      const cycle = visit(j);
      if (cycle !== null) return cycle;
    }
    state.set(i, "done");
    order.push(i);
    return null;
  };
  for (let i = 0; i < segments.length; i++) {
    const cycle = visit(i);
    if (cycle !== null) return { cycle };
  }
  return order;
}
