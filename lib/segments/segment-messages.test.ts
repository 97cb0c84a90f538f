import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import { matchKnownMessage } from "@/lib/i18n/known-messages";
import { ZSegmentDefinition } from "@/lib/segments/definition";
import { ZCreateSegment } from "@/lib/segments/schemas";
import { SEGMENT_MESSAGES } from "@/lib/segments/segment-messages";

/** The messages zod gives for an input, as the API's `fields` would carry them. */
const messagesOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

const cond = (c: object) => ({ kind: "group", match: "all", conditions: [c] });

describe("segment field errors in the viewer's language", () => {
  it("knows the wording of every check the builder can trip", () => {
    const inputs = [
      { kind: "group", match: "all", conditions: [] },
      cond({ kind: "event", name: "", filters: [], count: { op: "at_least", value: 1 } }),
      cond({ kind: "attribute", key: "n", type: "number", op: "between", value: [5, 1] }),
      cond({
        kind: "attribute",
        key: "d",
        type: "date",
        op: "between",
        value: ["2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z"],
      }),
      cond({ kind: "attribute", key: "s", type: "string", op: "contains", value: "" }),
      cond({ kind: "attribute", key: "s", type: "string", op: "in", value: [] }),
      cond({ kind: "attribute", key: "s", type: "string", op: "is_set", value: "x" }),
      cond({ kind: "attribute", key: "s", type: "string", op: "gt", value: 1 }),
      cond({ kind: "segment", segmentId: "", in: true }),
      cond({
        kind: "sequence",
        first: { name: "a", filters: [] },
        then: { name: "b", filters: [] },
        withinHours: 0,
        mode: "followed_by",
      }),
    ];
    const messages = inputs.flatMap((i) => messagesOf(ZSegmentDefinition.safeParse(i)));
    messages.push(
      ...messagesOf(ZCreateSegment.safeParse({ name: "", type: "dynamic", definition: inputs[1] })),
    );
    expect(messages.length).toBeGreaterThanOrEqual(inputs.length);
    const unknown = messages.filter((m) => !matchKnownMessage(SEGMENT_MESSAGES, m));
    expect(
      unknown,
      "add these wordings to lib/segments/segment-messages.ts and segments.validation",
    ).toEqual([]);
  });

  it("words each known message in Vietnamese, and in English exactly as the API does", () => {
    const enV = en.segments.validation as Record<string, string>;
    const viV = vi.segments.validation as Record<string, string>;
    for (const [message, key] of Object.entries(SEGMENT_MESSAGES.exact)) {
      expect(enV[key]).toBe(message);
      expect(viV[key]).not.toBe(message);
    }
    expect(matchKnownMessage(SEGMENT_MESSAGES, '"gt" takes no value')).toEqual({
      key: "opNoValue",
      values: { op: "gt" },
    });
    expect(matchKnownMessage(SEGMENT_MESSAGES, "something new")).toBeNull();
  });
});
