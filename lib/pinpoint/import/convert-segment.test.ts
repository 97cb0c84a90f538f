import { describe, expect, it } from "vitest";
import { convertSegment } from "./convert-segment";
import { fixture } from "./testing/load-fixture";

const SEG = "11111111-1111-4111-8111-111111111111";
const resolve = (id: string) => (id === "b66c9e42f71444b2aa2e0ffc1df28f60" ? SEG : undefined);

describe("convertSegment", () => {
  it("converts every dimension of a dimensional segment", () => {
    const s = convertSegment(fixture("segments.json", 0), resolve, false);
    expect(s.notes.errors).toEqual([]);
    expect(s.kind).toBe("dynamic");
    expect(s.definition!.match).toBe("all");
    expect(s.definition!.conditions).toEqual([
      { kind: "attribute", key: "Plan", type: "string", op: "in", value: ["pro", "team"] },
      { kind: "attribute", key: "Source", type: "string", op: "not_in", value: ["test"] },
      { kind: "attribute", key: "Company", type: "string", op: "contains", value: "Acme" },
      {
        kind: "attribute",
        key: "SignedUp",
        type: "date",
        op: "after",
        value: "2024-01-01T00:00:00.000Z",
      },
      {
        kind: "attribute",
        key: "Birthday",
        type: "date",
        op: "between",
        value: ["2000-02-29T00:00:00.000Z", "2000-02-29T23:59:59.999Z"],
      },
      {
        kind: "attribute",
        key: "Renewal",
        type: "date",
        op: "between",
        value: ["2025-01-01T00:00:00.000Z", "2025-12-31T00:00:00.000Z"],
      },
      {
        kind: "attribute",
        key: "Trial",
        type: "date",
        op: "before",
        value: "2026-01-01T00:00:00.000Z",
      },
      { kind: "attribute", key: "Visits", type: "number", op: "gte", value: 3 },
      { kind: "attribute", key: "Score", type: "number", op: "lt", value: 50 },
      {
        kind: "event",
        name: "_session.start",
        filters: [],
        count: { op: "at_least", value: 1 },
        window: { lastDays: 30 },
      },
      {
        kind: "group",
        match: "any",
        conditions: [
          { kind: "device", platform: "ios" },
          { kind: "device", platform: "android" },
        ],
      },
      { kind: "channel", channel: "email", state: "has_address" },
      { kind: "profile", field: "country", type: "string", op: "in", value: ["US", "VN"] },
    ]);
    expect(s.notes.unsupported.map((n) => n.path)).toEqual([
      "Dimensions.Demographic.Make",
      "Dimensions.Location.GPSPoint",
    ]);
  });

  it("combines segment groups: base segments by SourceType, dimensions by Type (NONE negated)", () => {
    const s = convertSegment(fixture("segments.json", 1), resolve, false);
    expect(s.notes.errors).toEqual([]);
    expect(s.sourceSegments).toEqual(["b66c9e42f71444b2aa2e0ffc1df28f60"]);
    expect(s.definition).toEqual({
      kind: "group",
      match: "all",
      conditions: [
        {
          kind: "group",
          match: "all",
          conditions: [
            { kind: "segment", segmentId: SEG, in: true },
            {
              kind: "group",
              match: "all",
              conditions: [
                {
                  kind: "event",
                  name: "_session.start",
                  filters: [],
                  count: { op: "at_least", value: 1 },
                  window: { lastDays: 7 },
                },
                { kind: "attribute", key: "Churned", type: "string", op: "not_in", value: ["yes"] },
              ],
            },
          ],
        },
      ],
    });
  });

  it("makes an imported segment static when its endpoints are exported, else reports it", () => {
    const withEndpoints = convertSegment(fixture("imported-segment.json"), resolve, true);
    expect(withEndpoints).toMatchObject({ kind: "static", definition: null });
    expect(withEndpoints.notes.errors).toEqual([]);
    const without = convertSegment(fixture("imported-segment.json"), resolve, false);
    expect(without.notes.errors[0]!.path).toBe("ImportDefinition");
  });

  it("reports a base segment that is missing", () => {
    const s = convertSegment(fixture("segments.json", 1), () => undefined, false);
    expect(s.notes.errors).toEqual([
      {
        path: "SegmentGroups.Groups[0].SourceSegments[0].Id",
        message:
          "segment b66c9e42f71444b2aa2e0ffc1df28f60 is neither in the export nor imported before",
      },
    ]);
  });
});
