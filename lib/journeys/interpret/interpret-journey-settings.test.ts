import { describe, expect, it } from "vitest";
import { edge, node } from "../testing/graph-fixtures";
import { contact, planOf, runOne } from "../testing/journey-harness";
import { emptyWorld } from "../testing/memory-effects";

const HOUR = 3_600_000;
/** trigger → send email → wait 1 day → send sms → exit. */
const twoSends = (settings: unknown) =>
  planOf(
    {
      nodes: [
        node("t", "trigger", { kind: "api" }),
        node("s1", "send", { channel: "email", templateId: "tpl-email" }),
        node("w", "wait", { kind: "duration", amount: 1, unit: "days" }),
        node("s2", "send", { channel: "sms", templateId: "tpl-sms" }),
        node("x", "exit"),
      ],
      edges: [edge("t", "s1"), edge("s1", "w"), edge("w", "s2"), edge("s2", "x")],
    },
    settings,
  );

describe("quiet hours", () => {
  const plan = twoSends({ quietHours: { start: "21:00", end: "08:00" } });

  it("holds a send until quiet hours end in each contact's own zone", async () => {
    // 2026-06-10T22:30Z: 00:30 in Berlin (quiet), 18:30 in New York (not quiet), 07:30 in Tokyo (quiet).
    const start = new Date("2026-06-10T22:30:00Z");
    const world = emptyWorld();
    world.contacts.set("berlin", contact("berlin", { timezone: "Europe/Berlin" }));
    world.contacts.set("ny", contact("ny", { timezone: "America/New_York" }));
    world.contacts.set("tokyo", contact("tokyo", { timezone: "Asia/Tokyo" }));
    const firstSend = async (id: string) =>
      (await runOne(plan, { contactId: id, start, world })).messages[0]!.at;
    expect(await firstSend("berlin")).toBe("2026-06-11T06:00:00.000Z");
    expect(await firstSend("ny")).toBe("2026-06-10T22:30:00.000Z");
    expect(await firstSend("tokyo")).toBe("2026-06-10T23:00:00.000Z");
  });

  it("wakes at the local end of quiet hours across a DST change", async () => {
    // Europe/Berlin springs forward on 29 March 2026: 08:00 that morning is 06:00Z, the day before 07:00Z.
    const world = emptyWorld();
    world.contacts.set("berlin", contact("berlin", { timezone: "Europe/Berlin" }));
    const r = await runOne(plan, {
      contactId: "berlin",
      start: new Date("2026-03-28T22:00:00Z"),
      world,
    });
    expect(r.messages.map((m) => m.at)).toEqual([
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
    expect(r.path.find((p) => p.nodeId === "s1")!.detail).toMatchObject({
      status: "sent",
      delayedUntil: "2026-03-29T06:00:00.000Z",
    });
  });

  it("uses the quiet-hours fallback zone, then the workspace zone, for contacts without one", async () => {
    const start = new Date("2026-06-10T22:30:00Z");
    const withFallback = twoSends({
      quietHours: { start: "21:00", end: "08:00", fallbackTimeZone: "Asia/Tokyo" },
    });
    expect(
      (await runOne(withFallback, { contactId: "c", start, defaultTimeZone: "Europe/Berlin" }))
        .messages[0]!.at,
    ).toBe("2026-06-10T23:00:00.000Z");
    expect(
      (await runOne(plan, { contactId: "c", start, defaultTimeZone: "Europe/Berlin" })).messages[0]!
        .at,
    ).toBe("2026-06-11T06:00:00.000Z");
  });
});

describe("frequency cap", () => {
  const plan = twoSends({ frequencyCap: { maxPerDay: 2 } });

  it("skips a send over the cap with a reason and carries on to the next step", async () => {
    const start = new Date("2026-06-10T12:00:00Z");
    const world = emptyWorld();
    world.earlierMessages.push(
      { contactId: "c", at: new Date("2026-06-10T08:00:00Z") },
      { contactId: "c", at: new Date("2026-06-10T09:00:00Z") },
    );
    const r = await runOne(plan, { contactId: "c", start, world });
    expect(r.path.find((p) => p.nodeId === "s1")!.detail).toEqual({
      status: "skipped",
      reason: "frequency_cap",
    });
    // The next day the count starts again, so the second send goes out.
    expect(r.outcomes).toEqual(["t:next", "s1:next", "w:next", "s2:next", "x:exit"]);
    expect(r.messages.map((m) => m.nodeId)).toEqual(["s2"]);
  });

  it("counts 'today' in the contact's zone", async () => {
    // 23:30Z on the 9th is already the 10th in Tokyo: only the 10th's two messages count there.
    const start = new Date("2026-06-10T12:00:00Z");
    const world = emptyWorld();
    world.contacts.set("tokyo", contact("tokyo", { timezone: "Asia/Tokyo" }));
    world.contacts.set("la", contact("la", { timezone: "America/Los_Angeles" }));
    for (const id of ["tokyo", "la"])
      world.earlierMessages.push(
        { contactId: id, at: new Date("2026-06-09T23:30:00Z") },
        { contactId: id, at: new Date("2026-06-10T01:00:00Z") },
      );
    expect(
      (await runOne(plan, { contactId: "tokyo", start, world })).path[1]!.detail,
    ).toMatchObject({ reason: "frequency_cap" });
    // In Los Angeles those were the 9th (16:30 and 18:00 local) and it is now the 10th.
    expect((await runOne(plan, { contactId: "la", start, world })).path[1]!.detail).toMatchObject({
      status: "sent",
    });
  });
});

describe("goal", () => {
  const START = new Date("2026-06-10T12:00:00Z");
  const goalWorld = (atHours: number, properties: Record<string, unknown> = { plan: "pro" }) => {
    const world = emptyWorld();
    world.events.push({
      contactId: "c",
      name: "upgraded",
      properties,
      at: new Date(START.getTime() + atHours * HOUR),
    });
    return world;
  };

  it("exits as converted the moment the goal happens during a wait", async () => {
    const plan = twoSends({
      goal: { event: "upgraded", filters: [{ property: "plan", value: "pro" }], exitOnGoal: true },
    });
    const r = await runOne(plan, { contactId: "c", start: START, world: goalWorld(5) });
    expect(r.outcomes).toEqual(["t:next", "s1:next", "w:goal"]);
    expect(r).toMatchObject({ exit: { reason: "goal", nodeId: "w" }, converted: true });
    expect(r.port.now()).toEqual(new Date(START.getTime() + 5 * HOUR));
    expect(r.messages.map((m) => m.nodeId)).toEqual(["s1"]);
    expect(r.port.exits[0]).toMatchObject({ reason: "goal", converted: true });
  });

  it("ignores goal events that do not match its filters", async () => {
    const plan = twoSends({
      goal: { event: "upgraded", filters: [{ property: "plan", value: "pro" }], exitOnGoal: true },
    });
    const r = await runOne(plan, {
      contactId: "c",
      start: START,
      world: goalWorld(5, { plan: "team" }),
    });
    expect(r).toMatchObject({ exit: { reason: "exit_node" }, converted: false });
    expect(r.messages).toHaveLength(2);
  });

  it("skips a send and exits when the goal already happened before it", async () => {
    const plan = twoSends({ goal: { event: "upgraded", exitOnGoal: true } });
    const r = await runOne(plan, { contactId: "c", start: START, world: goalWorld(0) });
    expect(r.outcomes).toEqual(["t:next", "s1:goal"]);
    expect(r.messages).toEqual([]);
  });

  it("without exit on goal, runs to the end and reports the conversion", async () => {
    const plan = twoSends({ goal: { event: "upgraded", exitOnGoal: false } });
    const r = await runOne(plan, { contactId: "c", start: START, world: goalWorld(5) });
    expect(r).toMatchObject({ exit: { reason: "exit_node" }, converted: true });
    expect(r.messages).toHaveLength(2);
  });
});
