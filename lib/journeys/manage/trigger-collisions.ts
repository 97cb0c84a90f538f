import { z } from "zod";

/** The parts of a trigger two journeys can share; lenient, since a draft's trigger may be half built. */
const ZTriggerKey = z.looseObject({
  kind: z.string().optional(),
  event: z.string().optional(),
  segmentId: z.string().optional(),
  attribute: z.string().optional(),
});

/**
 * What makes two journeys start on the same thing, in words, or null when they cannot: the same
 * event (whatever their property filters, which may or may not overlap), entering the same
 * segment, or the same date attribute coming round. An API trigger is started on purpose, so it
 * never collides.
 */
export function sharedTrigger(a: unknown, b: unknown): string | null {
  const x = ZTriggerKey.safeParse(a);
  const y = ZTriggerKey.safeParse(b);
  if (!x.success || !y.success || x.data.kind !== y.data.kind) return null;
  const same = (k: "event" | "segmentId" | "attribute") =>
    Boolean(x.data[k]) && x.data[k]?.trim() === y.data[k]?.trim();
  switch (x.data.kind) {
    case "event":
      return same("event") ? `also starts when ${x.data.event!.trim()} happens` : null;
    case "segment_entered":
      return same("segmentId") ? "also starts when a contact enters the same segment" : null;
    case "date_attribute":
      return same("attribute") ? `also starts on ${x.data.attribute!.trim()}` : null;
    default:
      return null;
  }
}

export type TCollision = { id: string; name: string; status: string; reason: string };

/**
 * Other live or paused journeys a contact would enter alongside this one. Only asked when the
 * trigger is new: a journey already live with this trigger was warned on its first publish.
 */
export function findCollisions(input: {
  journeyId: string;
  draftTrigger: unknown;
  liveTrigger: unknown;
  running: { id: string; name: string; status: string; trigger: unknown }[];
}): TCollision[] {
  if (input.liveTrigger !== undefined && sharedTrigger(input.draftTrigger, input.liveTrigger))
    return [];
  return input.running.flatMap((j) => {
    if (j.id === input.journeyId) return [];
    const reason = sharedTrigger(input.draftTrigger, j.trigger);
    return reason ? [{ id: j.id, name: j.name, status: j.status, reason }] : [];
  });
}
