import type { TJourneyEdge } from "./graph-schema";

/** Successors of each node id, from the edges that connect known nodes. */
export function adjacency(nodeIds: Iterable<string>, edges: TJourneyEdge[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of nodeIds) out.set(id, []);
  for (const e of edges)
    if (out.has(e.source) && out.has(e.target)) out.get(e.source)!.push(e.target);
  return out;
}

/** Every node reachable from `start`, optionally never passing through `blocked`. */
export function reachableFrom(
  start: string,
  adj: Map<string, string[]>,
  blocked?: string,
): Set<string> {
  const seen = new Set<string>();
  if (start === blocked) return seen;
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of adj.get(id) ?? []) if (next !== blocked && !seen.has(next)) stack.push(next);
  }
  return seen;
}

/** Each cycle once, as the node ids along it (iterative DFS, so deep graphs do not overflow). */
export function findCycles(adj: Map<string, string[]>): string[][] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  for (const root of adj.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 1);
    path.push(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = (adj.get(top.id) ?? [])[top.i++];
      if (next === undefined) {
        state.set(top.id, 2);
        stack.pop();
        path.pop();
      } else if (state.get(next) === 1) {
        cycles.push(path.slice(path.indexOf(next)));
      } else if (!state.has(next)) {
        state.set(next, 1);
        path.push(next);
        stack.push({ id: next, i: 0 });
      }
    }
  }
  return cycles;
}
