import { describe, expect, it } from "vitest";
import { validateGraph } from "@/lib/journeys/graph/validate-graph";
import { ZJourneySettings } from "@/lib/journeys/graph/journey-settings";
import { convertJourney } from "./convert-journey";
import { placeholderId } from "./plan-import";
import { fixture } from "./testing/load-fixture";

const CTX = {
  template: (id: string) =>
    [
      ["Welcome", "email"],
      ["Nudge", "sms"],
      ["Sale", "push"],
    ]
      .map(([n, c]) => ({ id: placeholderId(`template:${c}:${n}`), channel: c! }))
      .find((t) => t.id === id),
  segmentExists: () => true,
};
const refs = {
  segment: (id: string) => placeholderId(`segment:${id}`),
  template: (name: string, channel: string) => placeholderId(`template:${channel}:${name}`),
};

describe("convertJourney", () => {
  const j = convertJourney(fixture("journeys.json", 0), refs);
  const node = (id: string) => j.graph.nodes.find((n) => n.id === id)!;
  const next = (id: string, handle: string) =>
    j.graph.edges.find((e) => e.source === id && e.sourceHandle === handle)?.target;

  it("turns every activity type into canvas nodes, wired as in Pinpoint", () => {
    expect(j.notes.errors).toEqual([]);
    expect(node("pinpoint-start")).toMatchObject({
      type: "trigger",
      data: {
        kind: "segment_entered",
        segmentId: refs.segment("b66c9e42f71444b2aa2e0ffc1df28f60"),
        includeExisting: true,
      },
    });
    expect(next("pinpoint-start", "next")).toBe("sendWelcome");
    expect(node("sendWelcome")).toMatchObject({
      type: "send",
      data: {
        channel: "email",
        templateId: refs.template("Welcome", "email"),
        name: "Welcome email",
      },
    });
    // ConditionalSplit on an earlier send's open, after its evaluation wait.
    expect(next("sendWelcome", "next")).toBe("waitOpen-wait");
    expect(node("waitOpen-wait").data).toMatchObject({ kind: "duration", amount: 2, unit: "days" });
    expect(next("waitOpen-wait", "next")).toBe("waitOpen");
    expect(node("waitOpen")).toMatchObject({
      type: "branch",
      data: { condition: { kind: "engagement", sendNodeId: "sendWelcome", action: "opened" } },
    });
    expect([next("waitOpen", "yes"), next("waitOpen", "no")]).toEqual(["thanks", "nudgeSms"]);
    // ConditionalSplit on a custom event: wait for it.
    expect(node("waitPurchase")).toMatchObject({
      type: "wait_for_event",
      data: {
        event: "purchase",
        filters: [{ property: "plan", value: "pro" }],
        timeout: { amount: 12, unit: "hours" },
      },
    });
    // ContactCenter and a Lambda CUSTOM are stepped over: "happened" leads past both, to an exit.
    expect(j.graph.nodes.some((n) => n.id === "callCenter" || n.id === "lambda")).toBe(false);
    expect(node(next("waitPurchase", "happened")!).type).toBe("exit");
    expect(next("waitPurchase", "timed_out")).toBe("holdout");
    expect(node("holdout").data).toEqual({ percent: 10 });
    expect(next("holdout", "continue")).toBe("thanks");
    expect(node("thanks").data).toMatchObject({ kind: "duration", amount: 1, unit: "hours" });
    expect(node("split").data).toEqual({
      variants: [
        { id: "v1", label: "Path 1", percent: 50 },
        { id: "v2", label: "Path 2", percent: 50 },
      ],
    });
    expect(node("untilDate").data).toEqual({
      kind: "until_datetime",
      at: "2027-01-01T09:00:00.000Z",
    });
    expect(node("webhook")).toMatchObject({
      type: "webhook",
      data: { url: "https://hooks.example.com/pinpoint", method: "POST" },
    });
    expect(node("paths")).toMatchObject({
      type: "multi_branch",
      data: {
        cases: [
          {
            id: "path1",
            condition: {
              kind: "segment",
              segmentId: refs.segment("a1b2c3d4e5f60718293a4b5c6d7e8f90"),
              in: true,
            },
          },
          {
            id: "path2",
            condition: {
              kind: "attribute",
              filter: { property: "Plan", type: "string", op: "in", value: ["pro", "team"] },
            },
          },
        ],
      },
    });
    expect(next("paths", "else")).toBe("push");
    expect(node("push").data).toMatchObject({
      channel: "push",
      templateId: refs.template("Sale", "push"),
    });
    expect(j.segmentIds).toContain("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    expect(j.templateNames.sort()).toEqual(["Nudge", "Sale", "Welcome"]);
  });

  it("produces a graph that passes publish validation and is laid out", () => {
    expect(validateGraph(j.graph, CTX)).toMatchObject({ ok: true });
    const ys = new Set(j.graph.nodes.map((n) => n.position.y));
    expect(ys.size).toBeGreaterThan(4);
  });

  it("maps schedule, time zone offset, quiet time, limits and re-entry to settings", () => {
    expect(ZJourneySettings.parse(j.settings)).toEqual({
      entry: { mode: "reentry_after", days: 7 },
      startAt: "2025-03-03T00:00:00.000Z",
      endAt: "2027-12-31T00:00:00.000Z",
      quietHours: { start: "22:00", end: "07:00", fallbackTimeZone: "Etc/GMT-7" },
      frequencyCap: { maxPerDay: 3 },
    });
    const paths = (l: { path: string }[]) => l.map((n) => n.path);
    expect(paths(j.notes.unsupported)).toEqual(
      expect.arrayContaining([
        "Activities.callCenter.ContactCenter",
        "Activities.lambda.CUSTOM",
        "Limits.MessagesPerSecond",
        "Limits.EndpointReentryCap",
      ]),
    );
    expect(paths(j.notes.approximated)).toEqual(
      expect.arrayContaining([
        "LocalTime",
        "State",
        "RefreshFrequency",
        "Activities.sendWelcome.EMAIL.TemplateVersion",
      ]),
    );
  });

  it("starts on an event with its metric filter", () => {
    const o = convertJourney(fixture("journeys.json", 1), refs);
    expect(o.notes.errors).toEqual([]);
    expect(o.graph.nodes.find((n) => n.type === "trigger")!.data).toEqual({
      kind: "event",
      event: "order_placed",
      filters: [{ property: "total", type: "number", op: "gt", value: 10 }],
      name: "Start",
    });
    expect(validateGraph(o.graph, CTX)).toMatchObject({ ok: true });
  });

  it("reports an unknown activity type, a missing template and a dangling reference by path", () => {
    const bad = convertJourney(
      {
        Name: "bad",
        StartActivity: "a",
        StartCondition: { SegmentStartCondition: { SegmentId: "nope" } },
        Activities: {
          a: { FAX: { NextActivity: "b" } },
          b: { EMAIL: { TemplateName: "Missing", NextActivity: "zzz" } },
        },
      },
      { segment: () => undefined, template: () => undefined },
    );
    expect(bad.notes.errors.map((e) => e.path)).toEqual([
      "Activities.a.FAX",
      "Activities.b.EMAIL.TemplateName",
      "StartCondition.SegmentStartCondition.SegmentId",
      "Activities.b",
    ]);
    expect(bad.notes.errors[0]!.message).toMatch(/unknown activity type "FAX"/);
  });

  it("reads UTC offsets of every form", async () => {
    const { offsetToZone } = await import("./iso-duration");
    expect(
      ["UTC", "utc", "UTC+07", "UTC-08", "UTC+05:30", "UTC+14", "UTC+25", "PST"].map(offsetToZone),
    ).toEqual(["UTC", "UTC", "Etc/GMT-7", "Etc/GMT+8", "Asia/Kolkata", "Etc/GMT-14", null, null]);
  });
});
