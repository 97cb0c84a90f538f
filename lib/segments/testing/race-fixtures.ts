import type { TSegmentDefinition } from "../definition";

// Shared by the segment race tests (delete vs save, crossing references).
export const all = (...conditions: unknown[]) =>
  ({ kind: "group", match: "all", conditions }) as TSegmentDefinition;
export const PRO = all({
  kind: "attribute",
  key: "plan",
  type: "string",
  op: "equals",
  value: "pro",
});
export const usesIt = (id: string) => all({ kind: "segment", segmentId: id, in: true });

/** Whether `p` settles (resolves or rejects) within `ms`: false means it is still waiting on a lock. */
export const settledWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);
