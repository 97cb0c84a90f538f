import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertRuns } from "@/db/queries/executor-runs";
import { useTestDb } from "@/db/testing/test-db";
import { env } from "@/lib/env";
import { drainAll, resetLifecycleForTests } from "@/lib/lifecycle/shutdown";
import { cachedReadiness, checkReadiness } from "./check-readiness";
import { FAILING_AFTER, recordProviderOutcome, resetProviderHealth } from "./provider-health";

let db: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  db = await useTestDb();
});
afterAll(() => db.close());
beforeEach(() => {
  resetProviderHealth();
  resetLifecycleForTests();
});

const run = (id: string, agoSeconds: number) => ({
  id,
  functionId: "waymark-run-journey",
  event: { name: "test" },
  readyAt: new Date(Date.now() - agoSeconds * 1000),
  idempotencyKey: null,
  concurrencyKey: null,
  concurrencyLimit: null,
});

describe("readiness", () => {
  it("is ready on a migrated database with an idle executor, and says nothing secret", async () => {
    const r = await checkReadiness();
    expect(r.ok).toBe(true);
    expect(r.checks.migrations).toMatchObject({ ok: true });
    expect(r.checks.executor).toMatchObject({ ok: true, kind: env.executor, due: 0 });
    const body = JSON.stringify(r);
    expect(body).not.toMatch(/postgres:\/\/|pglite|secret|password/i);
  });

  it("fails while a provider is failing, naming only its channel and kind", async () => {
    for (let i = 0; i < FAILING_AFTER; i++) recordProviderOutcome("email", "smtp", false);
    const r = await checkReadiness();
    expect(r.ok).toBe(false);
    expect(r.checks.providers).toEqual({ ok: false, failing: ["email/smtp"] });
  });

  it("fails at once when the process starts draining, even with an answer cached", async () => {
    expect((await cachedReadiness()).ok).toBe(true);
    void drainAll(1000);
    const r = await cachedReadiness();
    expect(r.ok).toBe(false);
    expect(r.checks.shutdown).toEqual({ ok: false, draining: true });
  });

  it("answers from its cache within the TTL (cheap to poll)", async () => {
    const now = Date.now() + 60_000;
    const first = cachedReadiness(now);
    expect(cachedReadiness(now + 500)).toBe(first);
    expect(cachedReadiness(now + 2_000)).not.toBe(first);
  });
  it("fails while the oldest due run has waited longer than the threshold (last: it leaves runs)", async () => {
    await insertRuns([run("fresh", 1)]);
    expect((await checkReadiness()).ok).toBe(true);
    await insertRuns([run("stale", env.WAYMARK_READY_MAX_LAG_SECONDS + 30)]);
    const r = await checkReadiness();
    expect(r.ok).toBe(false);
    expect(r.checks.executor).toMatchObject({ ok: false, due: 2 });
    expect(r.checks.executor.lagSeconds).toBeGreaterThan(env.WAYMARK_READY_MAX_LAG_SECONDS);
  });
});
