import { NonRetriableError, type Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRun } from "@/db/queries/executor-runs";
import { useTestDb } from "@/db/testing/test-db";
import { manualClock } from "./clock";
import { handleEventRequest } from "./handle-event-request";
import { createLocalExecutor, type TLocalExecutor } from "./local-executor";
import { serveFunctions, TEST_EVENT_KEY, TEST_SIGNING_KEY } from "./testing/serve-functions";

// A real SDK handler on 127.0.0.1 and a real database; every function body counts its executions
// so memoisation ("each step body runs once across replays") is observed, not assumed.
const counts = new Map<string, number>();
const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const count = (key: string) => counts.get(key) ?? 0;
const HOUR = 3600_000;
const inFlight = new Map<string, number>();
const peak = new Map<string, number>();

function defineFunctions(client: Inngest) {
  const stepsFn = client.createFunction(
    { id: "steps", triggers: [{ event: "test/steps" }] },
    async ({ event, step }) => {
      const k = String(event.data.k);
      const a = await step.run("one", () => (bump(`${k}:one`), 1));
      const [b, c] = await Promise.all([
        step.run("p1", () => (bump(`${k}:p1`), 2)),
        step.run("p2", () => (bump(`${k}:p2`), 3)),
      ]);
      const d = await step.run("four", () => (bump(`${k}:four`), a + b + c));
      return { sum: d };
    },
  );
  return [
    stepsFn,
    client.createFunction(
      { id: "sleepy", triggers: [{ event: "test/sleepy" }] },
      async ({ event, step }) => {
        const k = String(event.data.k);
        await step.run("before", () => bump(`${k}:before`));
        await step.sleep("nap", "1h");
        await step.run("after", () => bump(`${k}:after`));
        return "woke";
      },
    ),
    client.createFunction(
      { id: "waiter", triggers: [{ event: "test/wait" }] },
      async ({ step }) => {
        const got = await step.waitForEvent("reply", {
          event: "test/reply",
          timeout: "2d",
          if: "async.data.contactId == event.data.contactId && async.data.plan == 'pro'",
        });
        return got ? { got: got.data } : "timed out";
      },
    ),
    client.createFunction(
      { id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] },
      async ({ event, step }) => {
        const k = String(event.data.k);
        return step.run("flaky-step", () => {
          bump(`${k}:flaky`);
          if (count(`${k}:flaky`) < 3) throw new Error(`fail ${count(`${k}:flaky`)}`);
          return "ok at 3";
        });
      },
    ),
    client.createFunction(
      { id: "broken", retries: 1, triggers: [{ event: "test/broken" }] },
      async ({ event, step }) => {
        await step.run("always", () => {
          bump(`${String(event.data.k)}:always`);
          throw new Error("always broken");
        });
      },
    ),
    client.createFunction(
      { id: "refusing", retries: 5, triggers: [{ event: "test/refuse" }] },
      async ({ event, step }) => {
        await step.run("nope", () => {
          bump(`${String(event.data.k)}:nope`);
          throw new NonRetriableError("bad input");
        });
      },
    ),
    client.createFunction(
      {
        id: "cancellable",
        triggers: [{ event: "test/cancellable" }],
        cancelOn: [{ event: "test/stop", if: "async.data.k == event.data.k" }],
      },
      async ({ event, step }) => {
        await step.sleep("long", "1d");
        await step.run("after-long", () => bump(`${String(event.data.k)}:after-long`));
      },
    ),
    client.createFunction(
      { id: "invoker", triggers: [{ event: "test/invoke" }] },
      async ({ step }) => {
        await step.invoke("call", { function: stepsFn, data: { k: "invoked" } });
      },
    ),
    client.createFunction(
      { id: "odd-if", triggers: [{ event: "test/odd-if" }] },
      async ({ step }) => {
        await step.waitForEvent("odd", {
          event: "test/reply",
          timeout: "1h",
          if: "async.data.n > 3",
        });
      },
    ),
    client.createFunction(
      {
        id: "one-at-a-time",
        concurrency: { limit: 1, key: "event.data.contactId" },
        triggers: [{ event: "test/serial" }],
      },
      async ({ event, step }) => {
        const c = String(event.data.contactId);
        await step.run("slow", async () => {
          inFlight.set(c, (inFlight.get(c) ?? 0) + 1);
          peak.set(c, Math.max(peak.get(c) ?? 0, inFlight.get(c)!));
          peak.set(
            "all",
            Math.max(
              peak.get("all") ?? 0,
              [...inFlight.values()].reduce((a, b) => a + b, 0),
            ),
          );
          await new Promise((r) => setTimeout(r, 150));
          inFlight.set(c, inFlight.get(c)! - 1);
        });
      },
    ),
    client.createFunction(
      { id: "sender", triggers: [{ event: "test/sender" }] },
      async ({ event, step }) => {
        await step.sendEvent("emit", {
          name: "test/steps",
          data: { k: `${String(event.data.k)}-child` },
        });
        return "sent";
      },
    ),
  ];
}

let db: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
const clock = manualClock();
let executor: TLocalExecutor;
const log: string[] = [];

beforeAll(async () => {
  db = await useTestDb();
  app = await serveFunctions(defineFunctions, (req) => {
    const key = new URL(req.url).pathname.split("/").pop() ?? "";
    return handleEventRequest(req, key, {
      eventKey: TEST_EVENT_KEY,
      send: (events) => executor.send(events),
    });
  });
  // As in the app: the serve handler called in process (the executors of the restart and race
  // tests below go over HTTP).
  executor = createLocalExecutor({
    serveUrl: app.serveUrl,
    signingKey: TEST_SIGNING_KEY,
    serveHandler: () => app.handler,
    clock,
    log: (l) => log.push(l),
  });
  await executor.sync();
});
afterAll(async () => {
  await executor.stop();
  await app.close();
  await db.close();
});

async function start(name: string, data: Record<string, unknown>) {
  const { started } = await executor.send({ name, data });
  expect(started).toHaveLength(1);
  return started[0]!;
}

describe("local executor", () => {
  it("syncs the app's functions with their triggers, retries and cancelOn", async () => {
    const fns = await executor.sync();
    const flaky = fns.find((f) => f.id === "test-app-flaky")!;
    expect(flaky).toMatchObject({ events: ["test/flaky"], maxAttempts: 4 });
    expect(flaky.url).toBe(`${app.serveUrl}?fnId=test-app-flaky&stepId=step`);
    expect(fns.find((f) => f.id === "test-app-cancellable")!.config.cancel).toEqual([
      { event: "test/stop", if: "async.data.k == event.data.k" },
    ]);
  });

  it("runs steps and parallel steps once each, memoising results across replays", async () => {
    const runId = await start("test/steps", { k: "m" });
    await executor.drain();
    const run = await findRun(runId);
    expect(run).toMatchObject({ status: "completed", output: { sum: 6 } });
    expect(["one", "p1", "p2", "four"].map((s) => count(`m:${s}`))).toEqual([1, 1, 1, 1]);
    expect(run!.parallel).toBe(true);
  });

  it("stores an event id once: a resend starts nothing", async () => {
    const first = await executor.send({ name: "test/steps", id: "evt-dup", data: { k: "dup" } });
    const again = await executor.send({ name: "test/steps", id: "evt-dup", data: { k: "dup" } });
    expect(first.started).toHaveLength(1);
    expect(again).toMatchObject({ ids: ["evt-dup"], duplicates: 1, started: [] });
    await executor.drain();
  });

  it("sleeps until the clock passes the timer", async () => {
    const runId = await start("test/sleepy", { k: "s" });
    await executor.drain();
    expect(await findRun(runId)).toMatchObject({ status: "waiting" });
    clock.advance(HOUR - 60_000);
    await executor.drain();
    expect(count("s:after")).toBe(0);
    clock.advance(60_000);
    await executor.drain();
    expect(await findRun(runId)).toMatchObject({ status: "completed", output: "woke" });
    expect([count("s:before"), count("s:after")]).toEqual([1, 1]);
  });

  it("resumes a wait with the matching event only, and times out otherwise", async () => {
    const matched = await start("test/wait", { contactId: "c1" });
    const lonely = await start("test/wait", { contactId: "c2" });
    await executor.drain();
    await executor.send({ name: "test/reply", data: { contactId: "c1", plan: "free" } });
    await executor.send({ name: "test/reply", data: { contactId: "c3", plan: "pro" } });
    await executor.drain();
    expect(await findRun(matched)).toMatchObject({ status: "waiting" });
    const { resumed } = await executor.send({
      name: "test/reply",
      data: { contactId: "c1", plan: "pro" },
    });
    expect(resumed).toBe(1);
    await executor.drain();
    expect(await findRun(matched)).toMatchObject({
      status: "completed",
      output: { got: { contactId: "c1", plan: "pro" } },
    });
    clock.advance(2 * 24 * HOUR);
    await executor.drain();
    expect(await findRun(lonely)).toMatchObject({ status: "completed", output: "timed out" });
  });

  it("retries a failing step with exponential backoff on the clock", async () => {
    const runId = await start("test/flaky", { k: "f" });
    await executor.drain();
    expect(count("f:flaky")).toBe(1);
    const run = await findRun(runId);
    expect(run!.status).toBe("waiting");
    expect(run!.pending[0]!.attempt).toBe(1);
    const firstDelay = run!.readyAt.getTime() - (await clock.now());
    expect(firstDelay).toBeGreaterThanOrEqual(9_000);
    clock.advance(firstDelay + 1000);
    await executor.drain();
    expect(count("f:flaky")).toBe(2);
    const second = (await findRun(runId))!;
    // The second retry waits about twice as long as the first.
    expect(second.readyAt.getTime() - (await clock.now())).toBeGreaterThan(firstDelay * 1.5);
    clock.advance(HOUR);
    await executor.drain();
    expect(await findRun(runId)).toMatchObject({ status: "completed", output: "ok at 3" });
    expect(count("f:flaky")).toBe(3);
  });

  it("fails the run once a step has used all its attempts", async () => {
    const runId = await start("test/broken", { k: "b" });
    for (let i = 0; i < 4; i++) {
      await executor.drain();
      clock.advance(HOUR);
    }
    const run = await findRun(runId);
    expect(run).toMatchObject({ status: "failed" });
    expect(run!.error).toContain("always broken");
    expect(count("b:always")).toBe(2);
  });

  it("does not retry a NonRetriableError", async () => {
    const runId = await start("test/refuse", { k: "n" });
    await executor.drain();
    clock.advance(HOUR);
    await executor.drain();
    const run = await findRun(runId);
    expect(run).toMatchObject({ status: "failed" });
    expect(run!.error).toContain("bad input");
    expect(count("n:nope")).toBe(1);
  });

  it("cancels a sleeping run when a matching cancelOn event arrives", async () => {
    const keep = await start("test/cancellable", { k: "keep" });
    const stop = await start("test/cancellable", { k: "stop" });
    await executor.drain();
    const { cancelled } = await executor.send({ name: "test/stop", data: { k: "stop" } });
    expect(cancelled).toBe(1);
    clock.advance(25 * HOUR);
    await executor.drain();
    expect(await findRun(stop)).toMatchObject({ status: "cancelled" });
    expect(await findRun(keep)).toMatchObject({ status: "completed" });
    expect([count("stop:after-long"), count("keep:after-long")]).toEqual([0, 1]);
  });

  it("fails loudly on an opcode it does not implement", async () => {
    const runId = await start("test/invoke", {});
    await executor.drain();
    const run = await findRun(runId);
    expect(run).toMatchObject({ status: "failed" });
    expect(run!.error).toContain('Unsupported opcode "InvokeFunction"');
    expect(log.some((l) => l.includes("InvokeFunction"))).toBe(true);
  });

  it("refuses a wait expression outside the supported subset", async () => {
    const runId = await start("test/odd-if", {});
    await executor.drain();
    const run = await findRun(runId);
    expect(run).toMatchObject({ status: "failed" });
    expect(run!.error).toContain("async.data.n > 3");
  });

  it("accepts events from inngest.send() and step.sendEvent through the event API", async () => {
    const { ids } = await app.client.send({ name: "test/sender", data: { k: "api" } });
    expect(ids).toHaveLength(1);
    await executor.drain();
    expect(count("api-child:four")).toBe(1);
    const res = await fetch(`${app.origin}/local-inngest/e/wrong-key`, {
      method: "POST",
      body: JSON.stringify({ name: "test/steps", data: {} }),
    });
    expect(res.status).toBe(401);
    const bad = await fetch(`${app.origin}/local-inngest/e/${TEST_EVENT_KEY}`, {
      method: "POST",
      body: JSON.stringify({ data: {} }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringContaining("name") });
  });

  it("continues a run in a new executor after a restart, each step once, the timer kept", async () => {
    const runId = await start("test/sleepy", { k: "r" });
    await executor.drain();
    expect(count("r:before")).toBe(1);
    await executor.stop();
    const second = createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      clock,
      log: (l) => log.push(l),
    });
    clock.advance(HOUR);
    await second.drain();
    expect(await findRun(runId)).toMatchObject({ status: "completed" });
    expect([count("r:before"), count("r:after")]).toEqual([1, 1]);
  });

  it("never runs a step twice when two executors claim at the same time", async () => {
    const a = createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      clock,
      slots: 3,
    });
    const b = createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      clock,
      slots: 3,
    });
    const runs: string[] = [];
    for (let i = 0; i < 12; i++) runs.push(await start("test/steps", { k: `c${i}` }));
    const claimed = { a: 0, b: 0 };
    const work = async (ex: TLocalExecutor, who: "a" | "b") => {
      for (let n = await ex.tick(); n > 0; n = await ex.tick()) claimed[who] += n;
    };
    await Promise.all([work(a, "a"), work(b, "b")]);
    // Both took part; neither ran anything the other did.
    expect(claimed.a).toBeGreaterThan(0);
    expect(claimed.b).toBeGreaterThan(0);
    for (const [i, id] of runs.entries()) {
      expect(await findRun(id)).toMatchObject({ status: "completed", output: { sum: 6 } });
      expect(["one", "p1", "p2", "four"].map((s) => count(`c${i}:${s}`))).toEqual([1, 1, 1, 1]);
    }
  });

  it("keeps a concurrency group to its limit while other groups run alongside", async () => {
    const a = createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      clock,
      slots: 4,
    });
    const b = createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      clock,
      slots: 4,
    });
    const runs: string[] = [];
    for (const contactId of ["x", "x", "x", "y", "z"])
      runs.push(await start("test/serial", { contactId }));
    const work = async (ex: TLocalExecutor) => {
      for (let i = 0; i < 200; i++) {
        if (
          (await ex.tick()) === 0 &&
          (await Promise.all(runs.map((id) => findRun(id)))).every((r) => r!.status === "completed")
        )
          return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await Promise.all([work(a), work(b)]);
    for (const id of runs) expect(await findRun(id)).toMatchObject({ status: "completed" });
    expect(peak.get("x")).toBe(1);
    expect(peak.get("all")).toBeGreaterThan(1);
  });
});
