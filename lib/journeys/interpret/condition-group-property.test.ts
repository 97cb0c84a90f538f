import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/random/seeded-random";
import type { TCondition, TGroup } from "@/lib/segments/definition";
import { evaluateSegment, type TContactSnapshot } from "@/lib/segments/evaluate-segment";
import { SEGMENT_ID, edge, node } from "../testing/graph-fixtures";
import { contact, planOf, runOne } from "../testing/journey-harness";
import { emptyWorld, type TMemoryWorld } from "../testing/memory-effects";

// Random AND/OR condition trees on a branch, random contacts and events: the journey interpreter
// (compiled plan, fake port, in-memory effects) must send exactly the contacts down "yes" that the
// segment reference evaluator (lib/segments/evaluate-segment.ts) says match the same tree.
// Seeded, so a failure names a reproducible tree.
const r = seededRandom(141414);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const START = new Date("2026-03-02T10:00:00Z");
const HOUR = 3_600_000;
const WAIT_HOURS = 3;
const NOW = new Date(START.getTime() + WAIT_HOURS * HOUR);
const EVENTS = ["Product Viewed", "Order Completed", "Cart Added"];
const PLANS = ["pro", "free", "team"];
/** The one segment the test graph may name: contacts whose tier is gold. */
const SEGMENT: TGroup = {
  kind: "group",
  match: "all",
  conditions: [{ kind: "attribute", key: "tier", type: "string", op: "equals", value: "gold" }],
};

type R = Record<string, unknown>;

function leaf(): R {
  return pick([
    () => ({
      kind: "attribute",
      filter: pick([
        { property: "plan", type: "string", op: "equals", value: pick(PLANS) },
        { property: "plan", type: "string", op: "not_equals", value: pick(PLANS) },
        { property: "seats", type: "number", op: "gte", value: pick([1, 5, 10]) },
        { property: "seats", type: "number", op: "is_not_set" },
      ]),
    }),
    () => ({ kind: "segment", segmentId: SEGMENT_ID, in: r() < 0.5 }),
    () => ({
      kind: "did_event",
      event: pick(EVENTS),
      did: r() < 0.6,
      filters:
        r() < 0.3 ? [{ property: "amount", type: "number", op: "gt", value: pick([10, 50]) }] : [],
      window: r() < 0.5 ? { kind: "since_entry" } : { kind: "last_hours", hours: pick([1, 4, 8]) },
    }),
  ])();
}

function tree(depth: number): R {
  if (depth >= 3 || r() < 0.35) return leaf();
  const n = 1 + Math.floor(r() * 3);
  return {
    kind: "group",
    match: r() < 0.5 ? "all" : "any",
    conditions: Array.from({ length: n }, () => tree(depth + 1)),
  };
}

/** The same tree in the segment language: windows become absolute, "did not" becomes count 0. */
function asSegment(c: R): TGroup | TCondition {
  if (c.kind === "group")
    return {
      kind: "group",
      match: c.match as "all" | "any",
      conditions: (c.conditions as R[]).map(asSegment),
    };
  if (c.kind === "attribute") {
    const { property, ...cmp } = c.filter as R & { type: "string"; op: string };
    return { kind: "attribute", key: property as string, ...cmp };
  }
  if (c.kind === "segment") return { kind: "segment", segmentId: SEGMENT_ID, in: c.in as boolean };
  const w = c.window as { kind: string; hours?: number };
  const from = w.kind === "since_entry" ? START : new Date(NOW.getTime() - w.hours! * HOUR);
  return {
    kind: "event",
    name: c.event as string,
    filters: c.filters as never,
    count: c.did ? { op: "at_least", value: 1 } : { op: "exactly", value: 0 },
    window: { from: from.toISOString(), to: NOW.toISOString() },
  };
}

function randomWorld(ids: string[]): { world: TMemoryWorld; snapshots: TContactSnapshot[] } {
  const world = emptyWorld();
  world.segments.set(SEGMENT_ID, new Set());
  const snapshots = ids.map((id) => {
    const attributes: R = { plan: pick(PLANS), tier: pick(["gold", "silver"]) };
    if (r() < 0.7) attributes.seats = pick([0, 3, 5, 12]);
    world.contacts.set(id, contact(id, { attributes }));
    const events = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
      id: i,
      name: pick(EVENTS),
      properties: { amount: pick([5, 20, 80]) },
      // From hours before entry to after the branch (not yet visible when it runs).
      occurredAt: new Date(START.getTime() + (r() * 10 - 5) * HOUR),
    }));
    for (const e of events)
      world.events.push({
        contactId: id,
        name: e.name,
        properties: e.properties,
        at: e.occurredAt,
      });
    const snapshot: TContactSnapshot = {
      id,
      externalId: null,
      email: null,
      phone: null,
      country: null,
      city: null,
      timezone: null,
      locale: null,
      createdAt: START,
      attributes,
      events,
      pushTokens: [],
      subscriptions: [],
    };
    if (evaluateSegment(SEGMENT, snapshot, NOW)) world.segments.get(SEGMENT_ID)!.add(id);
    return snapshot;
  });
  return { world, snapshots };
}

describe("condition groups agree with the segment reference evaluator", () => {
  it("on 150 random trees × 6 contacts", async () => {
    let yes = 0;
    for (let t = 0; t < 150; t++) {
      const condition = tree(0);
      const plan = planOf({
        nodes: [
          node("t", "trigger", { kind: "api" }),
          node("w", "wait", { kind: "duration", amount: WAIT_HOURS, unit: "hours" }),
          node("n", "branch", { condition }),
          node("x", "exit"),
        ],
        edges: [edge("t", "w"), edge("w", "n"), edge("n", "x", "yes"), edge("n", "x", "no")],
      });
      const ids = Array.from({ length: 6 }, (_, i) => `c${t}-${i}`);
      const { world, snapshots } = randomWorld(ids);
      const reference = asSegment(condition);
      const def: TGroup =
        reference.kind === "group"
          ? reference
          : { kind: "group", match: "all", conditions: [reference] };
      for (const s of snapshots) {
        const run = await runOne(plan, { contactId: s.id, start: START, world });
        const got = run.path.find((p) => p.nodeId === "n")!.outcome;
        const want = evaluateSegment(def, s, NOW, () => SEGMENT) ? "yes" : "no";
        if (got !== want)
          throw new Error(
            `tree ${t}, contact ${s.id}: ${got} ≠ ${want}\n${JSON.stringify(condition)}`,
          );
        if (got === "yes") yes++;
      }
    }
    // Both outcomes are exercised, not one by accident.
    expect(yes).toBeGreaterThan(100);
    expect(yes).toBeLessThan(800);
  });
});
