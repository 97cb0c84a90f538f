import type { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueCronSchedules } from "@/db/queries/executor-crons";
import { findRun } from "@/db/queries/executor-runs";
import { useTestDb } from "@/db/testing/test-db";
import { manualClock } from "./clock";
import { readFunctionConfig } from "./function-config";
import { createLocalExecutor, type TLocalExecutor } from "./local-executor";
import { serveFunctions, TEST_SIGNING_KEY } from "./testing/serve-functions";

// Cron triggers and `singleton` as the local executor serves them to a real SDK handler on a real
// database: two executors (two app processes) on one database with clocks the test moves, so
// "exactly once per tick" and "never two at once" are observed, not assumed.
const HOUR = 3600_000;
const T0 = Date.parse("2026-03-02T10:30:00Z");
const ticks: { ts: number; name: string; cron: unknown }[] = [];
const sweeps: string[] = [];

function define(client: Inngest) {
  return [
    client.createFunction(
      { id: "hourly", triggers: [{ cron: "0 * * * *" }] },
      async ({ event, step }) => {
        await step.run("count", () =>
          ticks.push({
            ts: event.ts!,
            name: event.name,
            cron: (event.data as { cron?: string }).cron,
          }),
        );
        return "ticked";
      },
    ),
    client.createFunction(
      {
        id: "sweep-one",
        triggers: [{ event: "test/sweep" }],
        singleton: { key: "event.data.journeyId", mode: "skip" },
      },
      async ({ event, step }) => {
        await step.run("sweep", () => sweeps.push(String(event.data.journeyId)));
        await step.sleep("long-sweep", "1h");
        return "swept";
      },
    ),
  ];
}

let db: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
const clockA = manualClock(T0);
const clockB = manualClock(T0);
let a: TLocalExecutor;
let b: TLocalExecutor;

beforeAll(async () => {
  db = await useTestDb();
  app = await serveFunctions(define);
  const make = (clock: typeof clockA) =>
    createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      serveHandler: () => app.handler,
      clock,
    });
  a = make(clockA);
  b = make(clockB);
  await a.sync();
  await b.sync();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const both = (ms: number) => (clockA.advance(ms), clockB.advance(ms));

describe("cron triggers", () => {
  it("schedules each cron once at its next time, whichever process syncs", async () => {
    await a.sync();
    const due = await dueCronSchedules(new Date(T0 + 10 * HOUR));
    expect(due).toEqual([
      {
        functionId: "test-app-hourly",
        cron: "0 * * * *",
        nextAt: new Date("2026-03-02T11:00:00Z"),
      },
    ]);
    await Promise.all([a.drain(), b.drain()]);
    expect(ticks).toHaveLength(0);
  });

  it("fires a due tick exactly once with two executors on one database", async () => {
    both(HOUR);
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(ticks).toEqual([
      {
        ts: Date.parse("2026-03-02T11:00:00Z"),
        name: "inngest/scheduled.timer",
        cron: "0 * * * *",
      },
    ]);
  });

  it("does not replay ticks missed while no process ran: the next one is after now", async () => {
    both(3 * HOUR);
    await Promise.all([a.drain(), b.drain()]);
    expect(ticks.map((t) => new Date(t.ts).toISOString())).toEqual([
      "2026-03-02T11:00:00.000Z",
      "2026-03-02T12:00:00.000Z",
    ]);
    const [next] = await dueCronSchedules(new Date((await clockA.now()) + 10 * HOUR));
    expect(next!.nextAt.toISOString()).toBe("2026-03-02T15:00:00.000Z");
  });

  it("refuses cron options it cannot honour, naming them", () => {
    const base = {
      id: "x",
      steps: { step: { runtime: { type: "http", url: "http://127.0.0.1/api/inngest" } } },
    };
    expect(() =>
      readFunctionConfig({ ...base, triggers: [{ cron: "0 * * * *", jitter: "5m" }] }),
    ).toThrow(/cron jitter/);
    expect(() => readFunctionConfig({ ...base, triggers: [{ cron: "61 * * * *" }] })).toThrow();
    expect(() => readFunctionConfig({ ...base, triggers: [{ cron: "* * *" }] })).toThrow(
      /5 fields/,
    );
    expect(
      readFunctionConfig({ ...base, triggers: [{ cron: "TZ=Europe/Paris 0 3 * * *" }] }).crons,
    ).toEqual(["TZ=Europe/Paris 0 3 * * *"]);
  });
});

describe("singleton", () => {
  it("skips a run while another of its key is active, and lets the next one start after", async () => {
    const first = await a.send({ name: "test/sweep", data: { journeyId: "j1" } });
    const again = await b.send({ name: "test/sweep", data: { journeyId: "j1" } });
    const other = await b.send({ name: "test/sweep", data: { journeyId: "j2" } });
    expect([first.started.length, again.started.length, other.started.length]).toEqual([1, 0, 1]);
    await Promise.all([a.drain(), b.drain()]);
    expect(sweeps.sort()).toEqual(["j1", "j2"]);
    expect(await findRun(first.started[0]!)).toMatchObject({ status: "waiting" });
    // Still sleeping: a third sweep of j1 is skipped too.
    expect((await a.send({ name: "test/sweep", data: { journeyId: "j1" } })).started).toEqual([]);
    both(HOUR);
    await Promise.all([a.drain(), b.drain()]);
    expect(await findRun(first.started[0]!)).toMatchObject({ status: "completed" });
    expect((await a.send({ name: "test/sweep", data: { journeyId: "j1" } })).started).toHaveLength(
      1,
    );
  });

  it("refuses singleton modes it does not implement", () => {
    expect(() =>
      readFunctionConfig({
        id: "x",
        triggers: [{ event: "e" }],
        singleton: { mode: "cancel" },
        steps: { step: { runtime: { type: "http", url: "http://127.0.0.1/api/inngest" } } },
      }),
    ).toThrow(/singleton option.*only mode "skip"/);
  });
});

// Last: the two clocks part here. On a shared database, an e2e server whose test clock was moved
// on by days left the schedule days ahead, and the other server's sweeps stopped.
describe("a clock ahead of the others", () => {
  it("pulls a schedule set days ahead back to this clock, so this process keeps firing", async () => {
    clockA.advance(48 * HOUR);
    await a.drain();
    const before = ticks.length;
    clockB.advance(HOUR);
    await b.drain();
    clockB.advance(HOUR);
    await b.drain();
    expect(ticks).toHaveLength(before + 1);
    const last = ticks.at(-1)!;
    expect(last.ts).toBeLessThanOrEqual(await clockB.now());
    expect(last.ts).toBeGreaterThan((await clockB.now()) - HOUR);
  });
});
