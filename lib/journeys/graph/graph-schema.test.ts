import { describe, expect, it } from "vitest";
import { ZDraftGraph, ZPublishGraph, outputHandles } from "./graph-schema";
import { ZJourneySettings } from "./journey-settings";
import { eventMatchesTrigger } from "../triggers/match-trigger";
import { edge, everyKindGraph, node } from "../testing/graph-fixtures";

describe("graph schemas", () => {
  it("accepts a half-built draft and keeps React Flow's own fields", () => {
    const draft = {
      nodes: [
        { ...node("t", "trigger"), measured: { width: 200, height: 80 }, selected: true },
        node("s", "send", { channel: "email" }),
        node("w", "wait", { amount: -1 }),
      ],
      edges: [edge("t", "nowhere")],
    };
    const parsed = ZDraftGraph.parse(draft);
    expect(parsed.nodes[0]).toMatchObject({ measured: { width: 200, height: 80 }, selected: true });
    expect(ZDraftGraph.parse({})).toEqual({ nodes: [], edges: [] });
  });

  it("rejects an unknown node kind even in a draft, naming the field", () => {
    const r = ZDraftGraph.safeParse({ nodes: [node("x", "teleport")] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["nodes", 0, "type"]);
  });

  it("publishing needs every node's data complete for its kind", () => {
    expect(ZPublishGraph.safeParse(everyKindGraph()).success).toBe(true);
    const r = ZPublishGraph.safeParse({
      nodes: [node("t", "trigger", { kind: "event" })],
      edges: [],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["nodes", 0, "data", "event"] });
  });

  it("reads an empty React Flow handle as `next`", () => {
    const g = ZPublishGraph.parse(everyKindGraph());
    expect(g.edges.find((e) => e.source === "t")!.sourceHandle).toBe("next");
  });

  it("lists each kind's outputs", () => {
    const g = ZPublishGraph.parse(everyKindGraph());
    const handles = Object.fromEntries(g.nodes.map((n) => [n.id, outputHandles(n)]));
    expect(handles).toMatchObject({
      wfe: ["happened", "timed_out"],
      b: ["yes", "no"],
      m: ["pro", "vip", "else"],
      ab: ["A", "B"],
      h: ["continue"],
      s1: ["next"],
      x1: [],
    });
  });

  it("validates settings with the field named", () => {
    expect(ZJourneySettings.parse({})).toEqual({ entry: { mode: "once" } });
    const bad = ZJourneySettings.safeParse({
      quietHours: { start: "25:00", end: "08:00" },
      frequencyCap: { maxPerDay: 0 },
      startAt: "2026-02-01T00:00:00Z",
      endAt: "2026-01-01T00:00:00Z",
    });
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["quietHours.start", "frequencyCap.maxPerDay"]),
    );
    const backwards = ZJourneySettings.safeParse({
      startAt: "2026-02-01T00:00:00Z",
      endAt: "2026-01-01T00:00:00Z",
    });
    expect(backwards.error!.issues[0]!.path).toEqual(["endAt"]);
    expect(
      ZJourneySettings.safeParse({
        quietHours: { start: "22:00", end: "08:00", fallbackTimeZone: "Mars/Base" },
      }).error!.issues[0]!.path,
    ).toEqual(["quietHours", "fallbackTimeZone"]);
  });
});

describe("eventMatchesTrigger", () => {
  const trigger = {
    kind: "event" as const,
    event: "order_placed",
    filters: [{ property: "total", type: "number" as const, op: "gte", value: 50 }],
  };
  const now = new Date("2026-06-10T12:00:00Z");
  it("needs the name and every filter", () => {
    expect(
      eventMatchesTrigger(trigger, { name: "order_placed", properties: { total: 80 } }, now),
    ).toBe(true);
    expect(
      eventMatchesTrigger(trigger, { name: "order_placed", properties: { total: 20 } }, now),
    ).toBe(false);
    expect(
      eventMatchesTrigger(trigger, { name: "order_cancelled", properties: { total: 80 } }, now),
    ).toBe(false);
    expect(
      eventMatchesTrigger({ kind: "api" }, { name: "order_placed", properties: {} }, now),
    ).toBe(false);
  });
});
