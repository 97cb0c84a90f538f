import { z } from "zod";

/** The parts of a trigger two journeys can share; lenient, since a draft's trigger may be half built. */
const ZTriggerKey = z.looseObject({
  kind: z.string().optional(),
  event: z.string().optional(),
  segmentId: z.string().optional(),
  attribute: z.string().optional(),
});

/**
 * What two journeys both start on: the same event, entering the same segment, or the same date
 * attribute coming round. A stable code with its values, so the UI words it in the viewer's
 * language (journeys.collision.reason.<kind>); `reason` keeps the English for API callers.
 */
export type TSharedTrigger =
  | { kind: "event"; event: string }
  | { kind: "segment_entered" }
  /** Entering another segment that `shared` contacts are in as well as this one's, now. */
  | { kind: "segment_overlap"; shared: number }
  | { kind: "date_attribute"; attribute: string };

/**
 * What makes two journeys start on the same thing, or null when they cannot: the same event
 * (whatever their property filters, which may or may not overlap), entering the same segment, or
 * the same date attribute coming round. An API trigger is started on purpose, so it never collides.
 */
export function sharedTrigger(a: unknown, b: unknown): TSharedTrigger | null {
  const x = ZTriggerKey.safeParse(a);
  const y = ZTriggerKey.safeParse(b);
  if (!x.success || !y.success || x.data.kind !== y.data.kind) return null;
  const same = (k: "event" | "segmentId" | "attribute") =>
    Boolean(x.data[k]) && x.data[k]?.trim() === y.data[k]?.trim();
  switch (x.data.kind) {
    case "event":
      return same("event") ? { kind: "event", event: x.data.event!.trim() } : null;
    case "segment_entered":
      return same("segmentId") ? { kind: "segment_entered" } : null;
    case "date_attribute":
      return same("attribute")
        ? { kind: "date_attribute", attribute: x.data.attribute!.trim() }
        : null;
    default:
      return null;
  }
}

/** The English wording of a shared trigger, as the API has always returned it in `reason`. */
export function describeSharedTrigger(s: TSharedTrigger): string {
  if (s.kind === "event") return `also starts when ${s.event} happens`;
  if (s.kind === "segment_entered") return "also starts when a contact enters the same segment";
  if (s.kind === "segment_overlap")
    return `also starts on entering a segment that shares ${s.shared} contact${s.shared === 1 ? "" : "s"} with this one`;
  return `also starts on ${s.attribute}`;
}

export type TCollision = {
  id: string;
  name: string;
  status: string;
  /** English, for API callers; the UI words `because` in the viewer's language. */
  reason: string;
  because: TSharedTrigger;
};

/**
 * Other live or paused journeys a contact would enter alongside this one. Only asked when the
 * trigger is new: a journey already live with this trigger was warned on its first publish.
 */
type TCollisionInput = {
  journeyId: string;
  draftTrigger: unknown;
  liveTrigger: unknown;
  running: { id: string; name: string; status: string; trigger: unknown }[];
};

export function findCollisions(input: TCollisionInput): TCollision[] {
  if (input.liveTrigger !== undefined && sharedTrigger(input.draftTrigger, input.liveTrigger))
    return [];
  return input.running.flatMap((j) => {
    if (j.id === input.journeyId) return [];
    const because = sharedTrigger(input.draftTrigger, j.trigger);
    return because
      ? [
          {
            id: j.id,
            name: j.name,
            status: j.status,
            reason: describeSharedTrigger(because),
            because,
          },
        ]
      : [];
  });
}

/**
 * For a draft starting on entering a segment: the other running journeys that start on entering a
 * different segment, whose overlap with this one the caller counts (a contact in both enters both
 * journeys). None when the trigger is not new, as in findCollisions.
 */
export function segmentOverlapCandidates(input: TCollisionInput): {
  segmentId: string;
  others: { id: string; name: string; status: string; segmentId: string }[];
} | null {
  const draft = ZTriggerKey.safeParse(input.draftTrigger);
  const segmentId =
    draft.success && draft.data.kind === "segment_entered" ? draft.data.segmentId : "";
  if (!segmentId) return null;
  if (input.liveTrigger !== undefined && sharedTrigger(input.draftTrigger, input.liveTrigger))
    return null;
  const others = input.running.flatMap((j) => {
    const t = ZTriggerKey.safeParse(j.trigger);
    const theirs = t.success && t.data.kind === "segment_entered" ? t.data.segmentId : "";
    return j.id !== input.journeyId && theirs && theirs !== segmentId
      ? [{ id: j.id, name: j.name, status: j.status, segmentId: theirs }]
      : [];
  });
  return { segmentId, others };
}
