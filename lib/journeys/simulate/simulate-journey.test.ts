import { describe, expect, it } from "vitest";
import { simulateJourney } from "./simulate-journey";
import { stableBucket } from "../interpret/stable-bucket";
import { SEGMENT_ID, everyKindGraph } from "../testing/graph-fixtures";
import { contact, planOf } from "../testing/journey-harness";

const START = new Date("2026-06-10T12:00:00Z");
const id = Array.from({ length: 50 }, (_, i) => `sim-${i}`).find(
  (c) => stableBucket(c, "h") >= 1000 && stableBucket(c, "ab") < 5000,
)!;

describe("simulateJourney", () => {
  const plan = planOf(everyKindGraph(), { quietHours: { start: "22:00", end: "08:00" } });

  it("fast-forwards waits and lists the steps with times and what would be sent", async () => {
    const sim = await simulateJourney({
      plan,
      contact: contact(id, { timezone: "Europe/Berlin" }),
      engagement: { s1: { opened: true } },
      startAt: START,
    });
    expect(sim.path.map((p) => [p.nodeId, p.outcome, p.at])).toEqual([
      ["t", "next", "2026-06-10T12:00:00.000Z"],
      ["h", "continue", "2026-06-10T12:00:00.000Z"],
      ["s1", "next", "2026-06-10T12:00:00.000Z"],
      ["w1", "next", "2026-06-11T12:00:00.000Z"],
      ["wfe", "timed_out", "2026-06-14T12:00:00.000Z"],
      ["b", "yes", "2026-06-14T12:00:00.000Z"],
      ["ab", "A", "2026-06-14T12:00:00.000Z"],
      ["s2", "next", "2026-06-14T12:00:00.000Z"],
      ["x2", "exit", "2026-06-14T12:00:00.000Z"],
    ]);
    expect(sim.messages).toEqual([
      { nodeId: "s1", channel: "email", templateId: "tpl-email", at: "2026-06-10T12:00:00.000Z" },
      { nodeId: "s2", channel: "sms", templateId: "tpl-sms", at: "2026-06-14T12:00:00.000Z" },
    ]);
    expect(sim.exit).toEqual({ reason: "exit_node", nodeId: "x2" });
  });

  it("plays out hypothetical future events and segment membership from the snapshot", async () => {
    const bought = await simulateJourney({
      plan,
      contact: contact(id),
      events: [{ name: "purchased", properties: { plan: "pro" }, at: "2026-06-12T09:00:00Z" }],
      startAt: START,
    });
    expect(bought.path.map((p) => p.nodeId)).toEqual(["t", "h", "s1", "w1", "wfe", "u", "x1"]);
    expect(bought.updates).toEqual([
      { attribute: "customer", value: true, at: "2026-06-12T09:00:00.000Z" },
    ]);
    const vip = await simulateJourney({
      plan,
      contact: contact(id),
      segmentIds: [SEGMENT_ID],
      startAt: START,
    });
    expect(vip.path.find((p) => p.nodeId === "m")!.outcome).toBe("vip");
  });

  it("never mutates the caller's snapshot", async () => {
    const c = contact(id);
    await simulateJourney({
      plan,
      contact: c,
      events: [{ name: "purchased", properties: { plan: "pro" }, at: "2026-06-12T09:00:00Z" }],
      startAt: START,
    });
    expect(c.attributes).toEqual({});
  });
});
