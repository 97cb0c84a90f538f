import { InngestTestEngine, mockCtx } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { stableBucket } from "@/lib/journeys/interpret/stable-bucket";
import { FakeStepPort } from "@/lib/journeys/testing/fake-step-port";
import { everyKindGraph } from "@/lib/journeys/testing/graph-fixtures";
import { contact, planOf } from "@/lib/journeys/testing/journey-harness";
import {
  createMemoryEffects,
  emptyWorld,
  scriptFromWorld,
} from "@/lib/journeys/testing/memory-effects";
import {
  JOURNEY_CONTACT_ENTERED,
  JOURNEY_CONTACT_EXITED,
  JOURNEY_STOPPED,
  trackedEventName,
  ZJourneyContactExited,
} from "../events";
import { createRunJourney } from "./run-journey";

const START = new Date("2026-06-10T12:00:00Z");
const contactId = Array.from({ length: 50 }, (_, i) => `ing-${i}`).find(
  (c) => stableBucket(c, "h") >= 1000,
)!;

/**
 * Runs the real Inngest function under @inngest/test: step.run is Inngest's own (memoized across the
 * engine's re-executions), while the durable tools, which never return in the test engine (sleep)
 * or cannot be mocked through `steps` (waitForEvent), are swapped via transformCtx for the fake
 * port's, memoized by id like Inngest would.
 */
function setup(world = emptyWorld()) {
  world.contacts.set(contactId, contact(contactId));
  const data = { journeyId: "j1", version: 1, contactId, entryId: "entry-1" };
  const fake = new FakeStepPort(START, { data }, scriptFromWorld(world));
  const mem = createMemoryEffects(world, () => fake.now());
  const plan = planOf(everyKindGraph());
  const fn = createRunJourney({
    loadJourney: async () => ({ plan, workspaceId: "w1", defaultTimeZone: "UTC" }),
    effectsFor: () => mem.effects,
  });
  const memo = new Map<string, unknown>();
  const sent: string[] = [];
  const once =
    <A extends unknown[], R>(call: (id: string, ...a: A) => Promise<R>) =>
    async (id: string, ...a: A) => {
      if (!memo.has(id)) memo.set(id, await call(id, ...a));
      return memo.get(id) as R;
    };
  const t = new InngestTestEngine({
    function: fn,
    events: [{ name: JOURNEY_CONTACT_ENTERED, data }],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw);
      Object.assign(ctx.step, {
        sleep: once((id, ms: number) => fake.sleep(id, ms)),
        sleepUntil: once((id, d: Date) => fake.sleepUntil(id, d)),
        waitForEvent: once((id, o: { event: string; timeout: number; if?: string }) =>
          fake.waitForEvent(id, {
            event: trackedEventName(o.event) ?? o.event,
            timeoutMs: o.timeout,
            if: o.if,
          }),
        ),
        sendEvent: once((id, p: { name: string; data: Record<string, unknown> }) => {
          sent.push(p.name);
          return fake.announceExit(id, ZJourneyContactExited.parse(p.data));
        }),
      });
      return ctx;
    },
  });
  return { t, fake, mem, sent };
}

describe("run-journey (Inngest function)", () => {
  it("runs a contact through the plan to its exit", { timeout: 20_000 }, async () => {
    const { t, fake, mem, sent } = setup();
    const { result } = await t.execute();
    expect(result).toMatchObject({ exit: { reason: "exit_node", nodeId: "x3" }, converted: false });
    expect((result as { path: { nodeId: string }[] }).path.map((p) => p.nodeId)).toEqual([
      "t",
      "h",
      "s1",
      "w1",
      "wfe",
      "b",
      "m",
      "x3",
    ]);
    expect(mem.messages.map((m) => m.idempotencyKey)).toEqual(["entry-1:s1"]);
    expect(sent).toEqual([JOURNEY_CONTACT_EXITED]);
    expect(fake.exits).toEqual([
      expect.objectContaining({ reason: "exit_node", entryId: "entry-1" }),
    ]);
  });

  it(
    "takes `happened` when the awaited event matches the contact",
    { timeout: 20_000 },
    async () => {
      const world = emptyWorld();
      world.events.push({
        contactId,
        name: "purchased",
        properties: { plan: "pro" },
        at: new Date(START.getTime() + 2 * 86_400_000),
      });
      const { t, mem } = setup(world);
      const { result } = await t.execute();
      expect(
        (result as { path: { nodeId: string; outcome: string }[] }).path.map(
          (p) => `${p.nodeId}:${p.outcome}`,
        ),
      ).toContain("wfe:happened");
      expect(mem.updates).toEqual([
        expect.objectContaining({ attribute: "customer", value: true }),
      ]);
    },
  );

  it("declares its trigger, per-contact concurrency and cancellation on journey stop", () => {
    const fn = createRunJourney({
      loadJourney: async () => {
        throw new Error("unused");
      },
      effectsFor: () => {
        throw new Error("unused");
      },
    });
    const [config] = fn["getConfig"]({
      baseUrl: new URL("http://127.0.0.1:3000/api/inngest"),
      appPrefix: "waymark",
    });
    expect(config).toMatchObject({
      triggers: [{ event: JOURNEY_CONTACT_ENTERED }],
      concurrency: [{ key: "event.data.contactId", limit: 1 }],
      cancel: [{ event: JOURNEY_STOPPED, if: "async.data.journeyId == event.data.journeyId" }],
    });
  });
});
