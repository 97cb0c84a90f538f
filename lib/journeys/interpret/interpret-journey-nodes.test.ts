import { describe, expect, it } from "vitest";
import { SEGMENT_ID, edge, node } from "../testing/graph-fixtures";
import { contact, planOf, runOne } from "../testing/journey-harness";
import { emptyWorld } from "../testing/memory-effects";

const START = new Date("2026-03-02T10:00:00Z");
const HOUR = 3_600_000;
const after = (h: number) => new Date(START.getTime() + h * HOUR);

/** trigger → one node → exits on each of its outputs. */
function single(kind: string, data: Record<string, unknown>, outputs: string[]) {
  return planOf({
    nodes: [
      node("t", "trigger", { kind: "api" }),
      node("n", kind, data),
      ...outputs.map((o) => node(`x-${o}`, "exit")),
    ],
    edges: [
      edge("t", "n"),
      ...outputs.map((o) => edge("n", `x-${o}`, o === "next" ? undefined : o)),
    ],
  });
}
const outcomeOf = async (
  plan: ReturnType<typeof single>,
  contactId: string,
  world = emptyWorld(),
  start = START,
) => (await runOne(plan, { contactId, start, world })).path.find((p) => p.nodeId === "n")!.outcome;

describe("branch conditions, both outputs", () => {
  it("attribute", async () => {
    const plan = single(
      "branch",
      {
        condition: {
          kind: "attribute",
          filter: { property: "seats", type: "number", op: "gte", value: 10 },
        },
      },
      ["yes", "no"],
    );
    const world = emptyWorld();
    world.contacts.set("big", contact("big", { attributes: { seats: 12 } }));
    world.contacts.set("small", contact("small", { attributes: { seats: 3 } }));
    expect(await outcomeOf(plan, "big", world)).toBe("yes");
    expect(await outcomeOf(plan, "small", world)).toBe("no");
  });

  it("segment membership, in and not in", async () => {
    const world = emptyWorld();
    world.segments.set(SEGMENT_ID, new Set(["member"]));
    const inPlan = single(
      "branch",
      { condition: { kind: "segment", segmentId: SEGMENT_ID, in: true } },
      ["yes", "no"],
    );
    const outPlan = single(
      "branch",
      { condition: { kind: "segment", segmentId: SEGMENT_ID, in: false } },
      ["yes", "no"],
    );
    expect(await outcomeOf(inPlan, "member", world)).toBe("yes");
    expect(await outcomeOf(inPlan, "stranger", world)).toBe("no");
    expect(await outcomeOf(outPlan, "member", world)).toBe("no");
  });

  it("did event since entry, with property filters", async () => {
    const plan = single(
      "branch",
      {
        condition: {
          kind: "did_event",
          event: "viewed",
          filters: [{ property: "page", type: "string", op: "equals", value: "pricing" }],
        },
      },
      ["yes", "no"],
    );
    const world = emptyWorld();
    world.events.push(
      { contactId: "before", name: "viewed", properties: { page: "pricing" }, at: after(-1) },
      { contactId: "now", name: "viewed", properties: { page: "pricing" }, at: START },
      { contactId: "other-page", name: "viewed", properties: { page: "home" }, at: START },
    );
    expect(await outcomeOf(plan, "now", world)).toBe("yes");
    expect(await outcomeOf(plan, "before", world)).toBe("no");
    expect(await outcomeOf(plan, "other-page", world)).toBe("no");
  });

  it("did event within the last N hours", async () => {
    const plan = single(
      "branch",
      {
        condition: {
          kind: "did_event",
          event: "viewed",
          window: { kind: "last_hours", hours: 24 },
        },
      },
      ["yes", "no"],
    );
    const world = emptyWorld();
    world.events.push(
      { contactId: "recent", name: "viewed", properties: {}, at: after(-23) },
      { contactId: "old", name: "viewed", properties: {}, at: after(-25) },
    );
    expect(await outcomeOf(plan, "recent", world)).toBe("yes");
    expect(await outcomeOf(plan, "old", world)).toBe("no");
  });

  it("engagement with an earlier send: clicked and not clicked", async () => {
    const plan = planOf({
      nodes: [
        node("t", "trigger", { kind: "api" }),
        node("s", "send", { channel: "email", templateId: "tpl-email" }),
        node("n", "branch", {
          condition: { kind: "engagement", sendNodeId: "s", action: "clicked" },
        }),
        node("x", "exit"),
      ],
      edges: [edge("t", "s"), edge("s", "n"), edge("n", "x", "yes"), edge("n", "x", "no")],
    });
    const world = emptyWorld();
    world.engagement.set("e-clicker:s", { opened: true, clicked: true, replied: false });
    world.engagement.set("e-opener:s", { opened: true, clicked: false, replied: false });
    expect(await outcomeOf(plan, "clicker", world)).toBe("yes");
    expect(await outcomeOf(plan, "opener", world)).toBe("no");
  });
});

describe("waits", () => {
  it("waits a duration", async () => {
    const r = await runOne(
      single("wait", { kind: "duration", amount: 90, unit: "minutes" }, ["next"]),
      { contactId: "c", start: START },
    );
    expect(r.port.now()).toEqual(after(1.5));
    expect(r.port.calls.find((c) => c.id === "node:n")).toMatchObject({
      kind: "sleep",
      detail: { ms: 90 * 60_000 },
    });
  });

  it("waits until a date-time, and not at all once it has passed", async () => {
    const plan = single("wait", { kind: "until_datetime", at: "2026-03-05T09:30:00Z" }, ["next"]);
    expect((await runOne(plan, { contactId: "c", start: START })).port.now().toISOString()).toBe(
      "2026-03-05T09:30:00.000Z",
    );
    const late = await runOne(plan, { contactId: "c", start: new Date("2026-04-01T00:00:00Z") });
    expect(late.port.now().toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(late.path[1]!.detail).toMatchObject({ skipped: "in_the_past" });
  });

  it("waits until a time of day in the contact's zone, or the workspace's", async () => {
    const plan = single("wait", { kind: "until_time_of_day", time: "09:00" }, ["next"]);
    const world = emptyWorld();
    world.contacts.set("tokyo", contact("tokyo", { timezone: "Asia/Tokyo" }));
    // 10:00Z is 19:00 in Tokyo: next 09:00 there is 00:00Z the next day.
    expect(
      (await runOne(plan, { contactId: "tokyo", start: START, world })).port.now().toISOString(),
    ).toBe("2026-03-03T00:00:00.000Z");
    expect(
      (
        await runOne(plan, {
          contactId: "nozone",
          start: START,
          defaultTimeZone: "America/Los_Angeles",
        })
      ).port
        .now()
        .toISOString(),
    ).toBe("2026-03-02T17:00:00.000Z");
  });

  it("waits until a contact date attribute minus days, and passes on when it is missing", async () => {
    const plan = single(
      "wait",
      { kind: "until_date_attribute", attribute: "renewsOn", offsetDays: -3, time: "08:00" },
      ["next"],
    );
    const world = emptyWorld();
    world.contacts.set(
      "renewing",
      contact("renewing", { timezone: "Europe/Berlin", attributes: { renewsOn: "2026-03-20" } }),
    );
    expect(
      (await runOne(plan, { contactId: "renewing", start: START, world })).port.now().toISOString(),
    ).toBe("2026-03-17T07:00:00.000Z");
    const missing = await runOne(plan, { contactId: "blank", start: START });
    expect(missing.port.now()).toEqual(START);
    expect(missing.path[1]!.detail).toEqual({ skipped: "no_date" });
  });
});

describe("wait for event", () => {
  const plan = single(
    "wait_for_event",
    {
      event: "paid",
      filters: [{ property: "currency", value: "EUR" }],
      timeout: { amount: 2, unit: "days" },
    },
    ["happened", "timed_out"],
  );

  it("happens when the matching event arrives before the timeout", async () => {
    const world = emptyWorld();
    world.events.push({
      contactId: "c",
      name: "paid",
      properties: { currency: "EUR" },
      at: after(30),
    });
    const r = await runOne(plan, { contactId: "c", start: START, world });
    expect(r.outcomes).toEqual(["t:next", "n:happened", "x-happened:exit"]);
    expect(r.port.now()).toEqual(after(30));
    expect(r.port.calls.find((c) => c.id === "node:n")!.detail).toMatchObject({
      event: "paid",
      if: "async.data.contactId == event.data.contactId && async.data.properties.currency == 'EUR'",
    });
  });

  it("times out when the event comes too late, for another contact, with other properties or before the wait", async () => {
    const world = emptyWorld();
    world.events.push(
      { contactId: "c", name: "paid", properties: { currency: "EUR" }, at: after(49) },
      { contactId: "d", name: "paid", properties: { currency: "EUR" }, at: after(1) },
      { contactId: "c", name: "paid", properties: { currency: "USD" }, at: after(1) },
      { contactId: "c", name: "paid", properties: { currency: "EUR" }, at: after(-1) },
    );
    const r = await runOne(plan, { contactId: "c", start: START, world });
    expect(r.outcomes).toEqual(["t:next", "n:timed_out", "x-timed_out:exit"]);
    expect(r.port.now()).toEqual(after(48));
  });
});

describe("wait for event with a condition group", () => {
  const viewed = (did = true) => ({ kind: "did_event", event: "viewed", did });
  const pro = {
    kind: "attribute",
    filter: { property: "plan", type: "string", op: "equals", value: "pro" },
  };
  const waitPlan = (match: "all" | "any", condition: unknown) =>
    single(
      "wait_for_event",
      { event: "paid", filters: [], timeout: { amount: 2, unit: "days" }, match, condition },
      ["happened", "timed_out"],
    );
  const nodeOf = (r: Awaited<ReturnType<typeof runOne>>) => r.path.find((p) => p.nodeId === "n")!;
  const ev = (name: string, h: number, contactId = "c") => ({
    contactId,
    name,
    properties: {},
    at: after(h),
  });

  it("all: met when the event arrives and the group holds then (did viewed and plan is pro)", async () => {
    const plan = waitPlan("all", { kind: "group", match: "all", conditions: [viewed(), pro] });
    const world = emptyWorld();
    world.contacts.set("c", contact("c", { attributes: { plan: "pro" } }));
    world.events.push(ev("viewed", 1), ev("paid", 5));
    const r = await runOne(plan, { contactId: "c", start: START, world });
    expect(nodeOf(r)).toMatchObject({
      outcome: "happened",
      detail: { metAt: "arrival", arrivals: 1 },
    });
    expect(r.port.now()).toEqual(after(5));
    expect(r.port.calls.map((c) => c.id)).toContain("node:n:check:1");
  });

  it("all: an arrival that fails the group keeps waiting for the time left; a later one meets it", async () => {
    const plan = waitPlan("all", { kind: "group", match: "all", conditions: [viewed(), pro] });
    const world = emptyWorld();
    world.contacts.set("c", contact("c", { attributes: { plan: "pro" } }));
    world.events.push(ev("paid", 2), ev("viewed", 3), ev("paid", 10));
    const r = await runOne(plan, { contactId: "c", start: START, world });
    expect(nodeOf(r)).toMatchObject({
      outcome: "happened",
      detail: { metAt: "arrival", arrivals: 2 },
    });
    expect(r.port.now()).toEqual(after(10));
    const waits = r.port.calls.filter((c) => c.kind === "waitForEvent");
    expect(waits.map((w) => [w.id, (w.detail as { timeoutMs: number }).timeoutMs])).toEqual([
      ["node:n", 48 * HOUR],
      ["node:n:1", 46 * HOUR],
    ]);
  });

  it("all: at the timeout, met when an arrival came and the group holds now; never without an arrival", async () => {
    const plan = waitPlan("all", viewed());
    const late = emptyWorld();
    late.events.push(ev("paid", 2), ev("viewed", 30));
    const r = await runOne(plan, { contactId: "c", start: START, world: late });
    expect(nodeOf(r)).toMatchObject({
      outcome: "happened",
      detail: { metAt: "timeout", arrivals: 1 },
    });
    expect(r.port.now()).toEqual(after(48));

    const never = emptyWorld();
    never.events.push(ev("viewed", 1), ev("paid", 49), ev("paid", 3, "d"));
    const n = await runOne(plan, { contactId: "c", start: START, world: never });
    expect(nodeOf(n)).toMatchObject({ outcome: "timed_out", detail: { arrivals: 0 } });
    expect(n.port.calls.some((c) => c.id.startsWith("node:n:check"))).toBe(false);
  });

  it("any: the first arrival meets it at once; otherwise the group alone decides at the timeout", async () => {
    const inSegment = { kind: "segment", segmentId: SEGMENT_ID, in: true };
    const plan = waitPlan("any", { kind: "group", match: "any", conditions: [inSegment, pro] });
    const arrives = emptyWorld();
    arrives.events.push(ev("paid", 7));
    const a = await runOne(plan, { contactId: "c", start: START, world: arrives });
    expect(nodeOf(a)).toMatchObject({ outcome: "happened", detail: { metAt: "arrival" } });
    expect(a.port.now()).toEqual(after(7));
    expect(a.port.calls.some((c) => c.id.startsWith("node:n:check"))).toBe(false);

    const member = emptyWorld();
    member.segments.set(SEGMENT_ID, new Set(["c"]));
    const m = await runOne(plan, { contactId: "c", start: START, world: member });
    expect(nodeOf(m)).toMatchObject({ outcome: "happened", detail: { metAt: "timeout" } });
    expect(m.port.now()).toEqual(after(48));

    const neither = await runOne(plan, { contactId: "c", start: START, world: emptyWorld() });
    expect(nodeOf(neither).outcome).toBe("timed_out");
  });

  it("reads nested groups: paid and (did not buy elsewhere or plan is pro)", async () => {
    const plan = waitPlan("all", {
      kind: "group",
      match: "any",
      conditions: [{ kind: "did_event", event: "bought_elsewhere", did: false }, pro],
    });
    const outcome = async (attrs: Record<string, unknown>, elsewhere: boolean) => {
      const world = emptyWorld();
      world.contacts.set("c", contact("c", { attributes: attrs }));
      world.events.push(ev("paid", 4));
      if (elsewhere) world.events.push(ev("bought_elsewhere", 1));
      return nodeOf(await runOne(plan, { contactId: "c", start: START, world })).outcome;
    };
    expect(await outcome({}, false)).toBe("happened");
    expect(await outcome({}, true)).toBe("timed_out");
    expect(await outcome({ plan: "pro" }, true)).toBe("happened");
  });

  it("replays to the same path: every read is memoized under ids unique in the run", async () => {
    const plan = waitPlan("all", viewed());
    const world = emptyWorld();
    world.events.push(ev("paid", 1), ev("paid", 2), ev("viewed", 2.5), ev("paid", 3));
    const r = await runOne(plan, { contactId: "c", start: START, world });
    expect(nodeOf(r)).toMatchObject({ outcome: "happened", detail: { arrivals: 3 } });
    expect(r.port.calls.filter((c) => c.id.startsWith("node:n")).map((c) => c.id)).toEqual([
      "node:n:start",
      "node:n",
      "node:n:check:1",
      "node:n:1",
      "node:n:check:2",
      "node:n:2",
      "node:n:check:3",
    ]);
  });
});

describe("splits and holdouts over 10,000 contacts", () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `contact-${i}-${(i * 7919) % 104729}`);

  it("splits within 1.5 points of each variant's percentage, the same way every time", async () => {
    const plan = single(
      "ab_split",
      {
        variants: [
          { id: "a", percent: 20 },
          { id: "b", percent: 30 },
          { id: "c", percent: 50 },
        ],
      },
      ["a", "b", "c"],
    );
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const id of ids) counts[await outcomeOf(plan, id)]! += 1;
    expect(Math.abs(counts.a! / 100 - 20)).toBeLessThan(1.5);
    expect(Math.abs(counts.b! / 100 - 30)).toBeLessThan(1.5);
    expect(Math.abs(counts.c! / 100 - 50)).toBeLessThan(1.5);
    expect(await outcomeOf(plan, ids[42]!)).toBe(await outcomeOf(plan, ids[42]!));
  });

  it("holds out close to the configured share", async () => {
    const plan = single("holdout", { percent: 15 }, ["continue"]);
    let heldOut = 0;
    for (const id of ids) if ((await outcomeOf(plan, id)) === "held_out") heldOut++;
    expect(Math.abs(heldOut / 100 - 15)).toBeLessThan(1.5);
  });
});
