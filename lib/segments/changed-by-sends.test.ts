import { describe, expect, it } from "vitest";
import type { TCondition, TGroup } from "./definition";
import { segmentChangedBySends } from "./changed-by-sends";
import type { TSqlSegmentResolver } from "./segment-to-sql";

const all = (...conditions: (TGroup | TCondition)[]): TGroup => ({
  kind: "group",
  match: "all",
  conditions,
});
const plan: TCondition = {
  kind: "attribute",
  key: "plan",
  type: "string",
  op: "equals",
  value: "pro",
} as TCondition;
const opened = { kind: "event", name: "Email Opened" } as unknown as TCondition;
const pushable = { kind: "channel", channel: "push", state: "reachable" } as TCondition;
const ios = { kind: "device", platform: "ios" } as TCondition;
const inSegment = (segmentId: string) => ({ kind: "segment", segmentId, in: true }) as TCondition;

function resolver(defs: Record<string, TGroup | "static">): TSqlSegmentResolver {
  return (id) => {
    const d = defs[id];
    return d === undefined ? null : d === "static" ? { kind: "static" } : d;
  };
}

describe("segmentChangedBySends", () => {
  it("is false for attributes, profile and the like, however deeply grouped", () => {
    const r = resolver({ pro: all(plan, { ...all(plan), match: "any" }) });
    expect(segmentChangedBySends("pro", r)).toBe(false);
  });

  it("is true for an event condition, push reachability or a device, at any depth", () => {
    for (const c of [opened, pushable, ios])
      expect(segmentChangedBySends("s", resolver({ s: all(plan, all(c)) }))).toBe(true);
  });

  it("follows the segments a segment refers to, and stops at a cycle", () => {
    const r = resolver({
      outer: all(plan, inSegment("inner")),
      inner: all(inSegment("engaged")),
      engaged: all(opened),
      a: all(inSegment("b")),
      b: all(inSegment("a"), plan),
    });
    expect(segmentChangedBySends("outer", r)).toBe(true);
    expect(segmentChangedBySends("a", r)).toBe(false);
  });

  it("is false for a static list and true for a segment it cannot find", () => {
    const r = resolver({ list: "static", refers: all(inSegment("gone")) });
    expect(segmentChangedBySends("list", r)).toBe(false);
    expect(segmentChangedBySends("refers", r)).toBe(true);
  });
});
