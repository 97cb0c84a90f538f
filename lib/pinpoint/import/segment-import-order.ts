import type { TPlannedObject } from "./plan-import";

/**
 * Segments built on other segments come after them: each round takes every segment whose source
 * segments are already placed (or, in a cycle, the first one left), in the export's order.
 */
export function segmentsInDependencyOrder(segments: TPlannedObject[]): TPlannedObject[] {
  const ordered: TPlannedObject[] = [];
  const pending = [...segments];
  while (pending.length) {
    const ready = pending.filter((s) => {
      const groups =
        (s.value.SegmentGroups as { Groups?: { SourceSegments?: { Id?: string }[] }[] })?.Groups ??
        [];
      return groups.every((g) =>
        (g.SourceSegments ?? []).every(
          (src) => !pending.some((p) => p !== s && p.pinpointId === src.Id),
        ),
      );
    });
    const next = ready.length ? ready : [pending[0]!];
    for (const s of next) {
      ordered.push(s);
      pending.splice(pending.indexOf(s), 1);
    }
  }
  return ordered;
}
