import { eventFilters, eventName, missingRef } from "./convert-condition";
import { obj, str, type R, type TJourneyBuild } from "./journey-build";

export const START = "pinpoint-start";

/**
 * The journey's StartCondition as its trigger: a segment's entries, an event (with a branch
 * right after it when the event must come from a segment's members), or the API when there is
 * none. Returns the node and handle the first activity follows.
 */
export function convertStart(b: TJourneyBuild, j: R): { from: string; handle: string } {
  const start = obj(j.StartCondition);
  const seg = str(obj(start.SegmentStartCondition).SegmentId);
  const ev = obj(start.EventStartCondition);
  if (seg) {
    const segmentId = b.refs.segment(seg);
    if (!segmentId)
      b.notes.error(
        "StartCondition.SegmentStartCondition.SegmentId",
        `segment ${seg} ${missingRef(b.refs, "segment", seg)}`,
      );
    b.node(
      START,
      "trigger",
      { kind: "segment_entered", segmentId: segmentId ?? "", includeExisting: true },
      "Start",
    );
    return { from: START, handle: "next" };
  }
  if (!Object.keys(ev).length) {
    b.notes.approx("StartCondition", "no start condition: contacts enter through the API");
    b.node(START, "trigger", { kind: "api" }, "Start");
    return { from: START, handle: "next" };
  }
  const where = "StartCondition.EventStartCondition.EventFilter.Dimensions";
  const dims = obj(obj(ev.EventFilter).Dimensions);
  const event = eventName(dims, where, b.notes);
  b.node(
    START,
    "trigger",
    { kind: "event", event: event ?? "", filters: eventFilters(dims, where, b.notes) },
    "Start",
  );
  const only = str(ev.SegmentId);
  if (!only) return { from: START, handle: "next" };
  const segmentId = b.refs.segment(only);
  if (!segmentId)
    b.notes.error(
      "StartCondition.EventStartCondition.SegmentId",
      `segment ${only} ${missingRef(b.refs, "segment", only)}`,
    );
  b.node(
    `${START}-segment`,
    "branch",
    { condition: { kind: "segment", segmentId: segmentId ?? "", in: true } },
    "In the start segment?",
  );
  b.outs.push({ from: START, handle: "next", to: `@${START}-segment` });
  b.outs.push({ from: `${START}-segment`, handle: "no", to: undefined });
  b.notes.approx(
    "StartCondition.EventStartCondition.SegmentId",
    "checked by a branch right after the trigger",
  );
  return { from: `${START}-segment`, handle: "yes" };
}
