import type { Inngest } from "inngest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findRun } from "@/db/queries/executor-runs";
import { useTestDb } from "@/db/testing/test-db";
import { createLocalExecutor, type TLocalExecutor } from "@/lib/local-executor/local-executor";
import { serveFunctions, TEST_SIGNING_KEY } from "@/lib/local-executor/testing/serve-functions";
import { drainAll, isDraining, onShutdown, resetLifecycleForTests } from "./shutdown";

// SIGTERM mid-journey, as the signal handler does it (drainAll), on a real database and a real
// SDK handler over HTTP: the step in flight finishes, the run goes back to the queue with its
// lease released, and a second process takes it over at once (long before the 60 s lease could
// expire), running every step body exactly once across both processes.
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
let stepEntered: () => void = () => undefined;
let releaseStep: () => void = () => undefined;

function defineFunctions(client: Inngest) {
  return [
    client.createFunction(
      { id: "journey-like", triggers: [{ event: "test/journey" }] },
      async ({ step }) => {
        await step.run("first-send", () => bump("first-send"));
        // Two sends side by side: the executor runs them as separate calls, one of which is
        // in flight (a slow provider) when SIGTERM arrives.
        await Promise.all([
          step.run("slow-send", async () => {
            bump("slow-send");
            stepEntered();
            await new Promise<void>((resolve) => (releaseStep = resolve));
          }),
          step.run("fast-send", () => bump("fast-send")),
        ]);
        await step.run("last-send", () => bump("last-send"));
        return "done";
      },
    ),
  ];
}

let db: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
const replica = (): TLocalExecutor =>
  createLocalExecutor({
    serveUrl: app.serveUrl,
    signingKey: TEST_SIGNING_KEY,
    idleMs: 20,
    log: () => undefined,
  });

beforeAll(async () => {
  db = await useTestDb();
  app = await serveFunctions(defineFunctions);
});
afterAll(async () => {
  await app.close();
  await db.close();
});
beforeEach(() => resetLifecycleForTests());

describe("graceful shutdown", () => {
  it("hands a run in flight back on SIGTERM: nothing lost, nothing doubled, taken over at once", async () => {
    const a = replica();
    await a.sync();
    onShutdown("local executor", () => a.stop());
    const entered = new Promise<void>((resolve) => (stepEntered = resolve));
    a.start();
    const { started } = await a.send({ name: "test/journey", data: {} });
    const runId = started[0]!;
    await entered;

    // SIGTERM: the drain starts; the slow send is still at its provider.
    const drained = drainAll(10_000);
    expect(isDraining()).toBe(true);
    releaseStep();
    expect(await drained).toBe("drained");

    const handedBack = await findRun(runId);
    expect(handedBack).toMatchObject({ status: "queued", leaseOwner: null, leaseUntil: null });
    expect(handedBack!.readyAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(counts.get("last-send")).toBeUndefined();

    // The other replica (or the restarted process) claims it on its first tick.
    const b = replica();
    await b.sync();
    const t0 = Date.now();
    expect(await b.tick()).toBe(1);
    await b.drain();
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await findRun(runId)).toMatchObject({ status: "completed", output: "done" });
    expect(Object.fromEntries(counts)).toEqual({
      "first-send": 1,
      "slow-send": 1,
      "fast-send": 1,
      "last-send": 1,
    });
  });

  it("gives up after the grace period and says so, leaving the run to its lease", async () => {
    onShutdown("stuck", () => new Promise<void>(() => undefined));
    expect(await drainAll(50)).toBe("timed-out");
  });
});
