import { describe, expect, it } from "vitest";
import { interpretJourney } from "./interpret-journey";
import { stableBucket } from "./stable-bucket";
import { FakeStepPort } from "../testing/fake-step-port";
import { SEGMENT_ID, edge, everyKindGraph, node } from "../testing/graph-fixtures";
import { contact, planOf, runOne } from "../testing/journey-harness";
import { createMemoryEffects, emptyWorld, scriptFromWorld } from "../testing/memory-effects";
import { runWithReplays } from "../testing/replay-step-port";

const START = new Date("2026-03-02T10:00:00Z");
const DAY = 86_400_000;
const plusDays = (d: number) => new Date(START.getTime() + d * DAY);
/** The first contact ids past (or inside) node h's 10 % holdout, found by the same hash. */
const notHeld = Array.from({ length: 50 }, (_, i) => `c${i}`).filter(
  (id) => stableBucket(id, "h") >= 1000,
);
const held = Array.from({ length: 200 }, (_, i) => `c${i}`).find(
  (id) => stableBucket(id, "h") < 1000,
)!;

describe("interpretJourney over the every-kind journey", () => {
  const plan = planOf(everyKindGraph());

  it("walks the quiet path: no purchase, no open, no matching case", async () => {
    const r = await runOne(plan, { contactId: notHeld[0]!, start: START });
    expect(r.outcomes).toEqual([
      "t:next",
      "h:continue",
      "s1:next",
      "w1:next",
      "wfe:timed_out",
      "b:no",
      "m:else",
      "x3:exit",
    ]);
    expect(r.exit).toEqual({ reason: "exit_node", nodeId: "x3" });
    expect(r.messages.map((m) => [m.nodeId, m.channel, m.templateId, m.at])).toEqual([
      ["s1", "email", "tpl-email", START.toISOString()],
    ]);
    expect(r.messages[0]!.idempotencyKey).toBe(`e-${notHeld[0]}:s1`);
    expect(r.port.now()).toEqual(plusDays(4));
    expect(r.port.exits).toEqual([
      expect.objectContaining({
        reason: "exit_node",
        converted: false,
        entryId: `e-${notHeld[0]}`,
      }),
    ]);
  });

  it("takes `happened` when the awaited event arrives, ignoring other contacts' and non-matching ones", async () => {
    const world = emptyWorld();
    const id = notHeld[0]!;
    world.events.push(
      {
        contactId: "someone-else",
        name: "purchased",
        properties: { plan: "pro" },
        at: plusDays(1.5),
      },
      { contactId: id, name: "purchased", properties: { plan: "free" }, at: plusDays(1.6) },
      { contactId: id, name: "purchased", properties: { plan: "pro" }, at: plusDays(2) },
    );
    const r = await runOne(plan, { contactId: id, start: START, world });
    expect(r.outcomes).toEqual([
      "t:next",
      "h:continue",
      "s1:next",
      "w1:next",
      "wfe:happened",
      "u:next",
      "x1:exit",
    ]);
    expect(r.port.now()).toEqual(plusDays(2));
    expect(world.contacts.get(id)!.attributes.customer).toBe(true);
  });

  it("branches yes on an opened send, then splits by the contact's stable bucket", async () => {
    for (const id of notHeld.slice(0, 8)) {
      const world = emptyWorld();
      world.engagement.set(`e-${id}:s1`, { opened: true, clicked: false, replied: false });
      const r = await runOne(plan, { contactId: id, start: START, world });
      const variant = stableBucket(id, "ab") < 5000 ? "A" : "B";
      expect(r.outcomes.slice(5)).toEqual(
        variant === "A"
          ? ["b:yes", "ab:A", "s2:next", "x2:exit"]
          : ["b:yes", "ab:B", "wh:next", "x2:exit"],
      );
      if (variant === "A") expect(r.messages.map((m) => m.channel)).toEqual(["email", "sms"]);
      else
        expect(r.webhooks).toEqual([
          expect.objectContaining({
            url: "http://127.0.0.1:9/hook",
            body: '{"email":"{{ contact.email }}"}',
            idempotencyKey: `e-${id}:wh`,
          }),
        ]);
    }
  });

  it("takes multi-branch cases in order: attribute first, then segment", async () => {
    const [a, b] = notHeld;
    const world = emptyWorld();
    world.contacts.set(a!, contact(a!, { attributes: { plan: "pro" } }));
    world.contacts.set(b!, contact(b!));
    world.segments.set(SEGMENT_ID, new Set([a!, b!]));
    expect((await runOne(plan, { contactId: a!, start: START, world })).outcomes).toContain(
      "m:pro",
    );
    expect((await runOne(plan, { contactId: b!, start: START, world })).outcomes).toContain(
      "m:vip",
    );
  });

  it("lets held-out contacts exit as the control group without messages", async () => {
    const r = await runOne(plan, { contactId: held, start: START });
    expect(r.outcomes).toEqual(["t:next", "h:held_out"]);
    expect(r.exit.reason).toBe("holdout");
    expect(r.messages).toEqual([]);
  });

  it("exits at once for a contact that no longer exists", async () => {
    const world = emptyWorld();
    const port = new FakeStepPort(START, { data: {} });
    const mem = createMemoryEffects(world, () => port.now());
    const r = await interpretJourney(
      plan,
      { journeyId: "j", version: 1, contactId: "gone", entryId: "e" },
      port,
      mem.effects,
    );
    expect(r).toEqual({ path: [], exit: { reason: "contact_missing" }, converted: false });
  });

  it("is deterministic on replay: reads are memoized even when the world changes between invocations", async () => {
    const graph = {
      nodes: [
        node("t", "trigger", { kind: "api" }),
        node("b", "branch", {
          condition: {
            kind: "attribute",
            filter: { property: "plan", type: "string", op: "equals", value: "free" },
          },
        }),
        node("u", "update_contact", { attribute: "plan", value: "pro" }),
        node("s", "send", { channel: "email", templateId: "tpl-email" }),
        node("w", "wait", { kind: "duration", amount: 2, unit: "hours" }),
        node("x", "exit"),
      ],
      edges: [
        edge("t", "b"),
        edge("b", "u", "yes"),
        edge("b", "x", "no"),
        edge("u", "s"),
        edge("s", "w"),
        edge("w", "x"),
      ],
    };
    const world = emptyWorld();
    world.contacts.set("c", contact("c", { attributes: { plan: "free" } }));
    const inner = new FakeStepPort(START, { data: { contactId: "c" } }, scriptFromWorld(world));
    const mem = createMemoryEffects(world, () => inner.now());
    const run = { journeyId: "j", version: 1, contactId: "c", entryId: "e" };
    const { result, invocations } = await runWithReplays(inner, (port) =>
      interpretJourney(planOf(graph), run, port, mem.effects),
    );
    // After u ran, plan is "pro": a branch read outside a step would now say "no" on replay.
    expect(result.path.map((p) => `${p.nodeId}:${p.outcome}`)).toEqual([
      "t:next",
      "b:yes",
      "u:next",
      "s:next",
      "w:next",
      "x:exit",
    ]);
    expect(mem.messages).toHaveLength(1);
    expect(invocations).toBe(7);
  });
});
