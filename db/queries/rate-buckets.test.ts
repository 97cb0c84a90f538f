import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { useTestDb } from "@/db/testing/test-db";
import { returnTokens, takeTokens } from "./rate-buckets";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

/** Moves the bucket's last refill into the past instead of waiting for it. */
const age = (key: string, seconds: number) =>
  db().execute(
    sql`update rate_buckets set refilled_at = refilled_at - make_interval(secs => ${seconds}) where key = ${key}`,
  );

describe("token bucket in Postgres", () => {
  it("grants the burst, then nothing until refilled at the rate, never beyond the burst", async () => {
    // 0.01 tokens a second: the test's own run time refills nothing worth a token.
    expect(await takeTokens("t:1", 100, 0.01, 10)).toEqual({ granted: 10, waitMs: 0 });
    const empty = await takeTokens("t:1", 100, 0.01, 10);
    expect(empty.granted).toBe(0);
    expect(empty.waitMs).toBeGreaterThan(90_000);
    expect(empty.waitMs).toBeLessThanOrEqual(100_000);
    await age("t:1", 500);
    expect((await takeTokens("t:1", 100, 0.01, 10)).granted).toBe(5);
    await age("t:1", 100_000);
    expect((await takeTokens("t:1", 100, 0.01, 10)).granted).toBe(10);
  });

  it("shares one limit between concurrent takers and takes back unused tokens", async () => {
    const takes = await Promise.all(
      Array.from({ length: 8 }, () => takeTokens("t:2", 30, 0.01, 50)),
    );
    expect(takes.reduce((s, t) => s + t.granted, 0)).toBe(50);
    await returnTokens("t:2", 20);
    expect((await takeTokens("t:2", 100, 0.01, 50)).granted).toBe(20);
  });
});
