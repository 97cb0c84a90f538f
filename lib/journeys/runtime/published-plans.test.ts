import { describe, expect, it } from "vitest";
import { cachePublishedPlans } from "./published-plans";

describe("cachePublishedPlans", () => {
  it("reads a version once however many runs ask for it, even at the same time", async () => {
    const reads: string[] = [];
    const plan = cachePublishedPlans(async (id: string, v: number) => {
      reads.push(`${id}:${v}`);
      return { id, v };
    });
    const [a, b] = await Promise.all([plan("j1", 1), plan("j1", 1)]);
    expect(await plan("j1", 1)).toEqual({ id: "j1", v: 1 });
    expect(a).toBe(b);
    expect(await plan("j1", 2)).toEqual({ id: "j1", v: 2 });
    expect(reads).toEqual(["j1:1", "j1:2"]);
  });

  it("keeps neither a missing version nor a failed read, so the next run reads again", async () => {
    let calls = 0;
    const plan = cachePublishedPlans(async () => {
      calls++;
      if (calls === 1) throw new Error("connection lost");
      return calls === 2 ? null : "plan";
    });
    await expect(plan("j", 1)).rejects.toThrow("connection lost");
    expect(await plan("j", 1)).toBeNull();
    expect(await plan("j", 1)).toBe("plan");
    expect(await plan("j", 1)).toBe("plan");
    expect(calls).toBe(3);
  });

  it("drops the least recently used version beyond its size", async () => {
    const reads: number[] = [];
    const plan = cachePublishedPlans(async (_id: string, v: number) => (reads.push(v), v), 2);
    await plan("j", 1);
    await plan("j", 2);
    await plan("j", 1); // 1 used again: 2 is now the oldest
    await plan("j", 3); // drops 2
    await plan("j", 1);
    await plan("j", 2);
    expect(reads).toEqual([1, 2, 3, 2]);
  });
});
