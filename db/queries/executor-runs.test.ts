import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@/db/testing/test-db";
import {
  claimRuns,
  findRun,
  insertRuns,
  parkRun,
  updateOwnedRun,
  wakeRun,
  cancelRuns,
  memoiseOwnedStep,
  memoiseStepsOfOwnedRuns,
  loadSteps,
} from "./executor-runs";

let db: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => void (db = await useTestDb()));
afterAll(() => db.close());

const now = new Date("2030-01-01T00:00:00Z");
const newRun = (id: string, extra: Partial<Parameters<typeof insertRuns>[0][number]> = {}) => ({
  id,
  functionId: "app-fn",
  event: { name: "e", data: {} },
  readyAt: now,
  idempotencyKey: null,
  concurrencyKey: null,
  concurrencyLimit: null,
  ...extra,
});

describe("executor run claims", () => {
  it("leases a due run to one claimer; an expired lease can be taken over, and the old owner can no longer write", async () => {
    await insertRuns([newRun("r1")]);
    expect(await claimRuns("early", new Date(now.getTime() - 1), 60_000, 5)).toEqual([]);
    expect((await claimRuns("a", now, 60_000, 5)).map((r) => r.id)).toEqual(["r1"]);
    expect(await claimRuns("b", now, 60_000, 5)).toEqual([]);
    expect(await updateOwnedRun("r1", "a", {}, { leaseMs: -1000 })).toBe(true);
    expect((await claimRuns("b", now, 60_000, 5)).map((r) => r.id)).toEqual(["r1"]);
    expect(await updateOwnedRun("r1", "a", { attempt: 9 })).toBe(false);
    expect(await memoiseOwnedStep("r1", "a", "s1", { data: 1 })).toBe(false);
    expect(await memoiseOwnedStep("r1", "b", "s1", { data: 1 })).toBe(true);
  });

  it("keeps each concurrency key to its limit, counting the leases runs of that key already hold", async () => {
    const at = new Date(now.getTime() + 1000);
    const keyed = (id: string, key: string, limit: number) =>
      newRun(id, { readyAt: at, concurrencyKey: key, concurrencyLimit: limit });
    await insertRuns([keyed("k1", "contact:a", 1)]);
    expect((await claimRuns("w1", at, 60_000, 5)).map((r) => r.id)).toEqual(["k1"]);
    // k1 is leased: another run of key a waits; key b (limit 2) gives two of its three.
    await insertRuns([
      keyed("k2", "contact:a", 1),
      keyed("k3", "contact:b", 2),
      keyed("k4", "contact:b", 2),
      keyed("k5", "contact:b", 2),
    ]);
    expect((await claimRuns("w2", at, 60_000, 10)).map((r) => r.id).sort()).toEqual(["k3", "k4"]);
    expect(await claimRuns("w3", at, 60_000, 10)).toEqual([]);
    // k1 ends: its lease goes with it, and k2 may start.
    await updateOwnedRun("k1", "w1", { status: "completed" }, { release: true });
    expect((await claimRuns("w3", at, 60_000, 10)).map((r) => r.id)).toEqual(["k2"]);
  });

  it("keeps a run woken by an event due, even when its worker parks it afterwards", async () => {
    await insertRuns([newRun("r2")]);
    const [claimed] = await claimRuns("w", now, 60_000, 5);
    expect(claimed!.id).toBe("r2");
    await wakeRun("r2", new Date(now.getTime() + 5));
    await parkRun(claimed!, "w", {}, new Date(now.getTime() + 86_400_000), "waiting");
    expect(await findRun("r2")).toMatchObject({
      status: "queued",
      readyAt: new Date(now.getTime() + 5),
      leaseOwner: null,
    });
    const [again] = await claimRuns("w", new Date(now.getTime() + 10), 60_000, 5);
    await parkRun(again!, "w", {}, new Date(now.getTime() + 86_400_000), "waiting");
    expect(await findRun("r2")).toMatchObject({
      status: "waiting",
      readyAt: new Date(now.getTime() + 86_400_000),
    });
  });

  it("stops a cancelled run's worker at its next write", async () => {
    await insertRuns([newRun("r3")]);
    await claimRuns("w", now, 60_000, 5);
    expect(await cancelRuns(["r3"], "stop")).toBe(1);
    expect(await memoiseOwnedStep("r3", "w", "s", { data: null })).toBe(false);
    expect(await findRun("r3")).toMatchObject({ status: "cancelled", error: "stop" });
  });

  it("memoises the steps of several runs in one statement, for lease holders only, in order", async () => {
    await insertRuns([newRun("g1"), newRun("g2"), newRun("g3")]);
    await claimRuns("w", now, 60_000, 5);
    await cancelRuns(["g3"], "stop");
    const owned = await memoiseStepsOfOwnedRuns([
      { runId: "g1", owner: "w", stepId: "b", result: { data: 1 } },
      { runId: "g2", owner: "other", stepId: "x", result: { data: 2 } },
      { runId: "g1", owner: "w", stepId: "a", result: { data: 3 } },
      { runId: "g3", owner: "w", stepId: "y", result: { data: 4 } },
      { runId: "g1", owner: "w", stepId: "b", result: { data: 5 } },
    ]);
    expect([...owned]).toEqual(["g1 w"]);
    expect(await loadSteps("g1")).toEqual([
      { stepId: "b", result: { data: 1 } },
      { stepId: "a", result: { data: 3 } },
    ]);
    expect(await loadSteps("g2")).toEqual([]);
    expect(await loadSteps("g3")).toEqual([]);
  });

  it("starts one run per idempotency key", async () => {
    const ids = await insertRuns([
      newRun("i1", { idempotencyKey: "k" }),
      newRun("i2", { idempotencyKey: "k" }),
    ]);
    expect(ids).toEqual(["i1"]);
    expect(await insertRuns([newRun("i3", { idempotencyKey: "k" })])).toEqual([]);
  });
});
