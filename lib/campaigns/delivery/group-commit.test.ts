import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

/** A write that finishes only when the test says so, to control what is in flight. */
function gatedWrites() {
  const writes: number[][] = [];
  const gates: (() => void)[] = [];
  const write = (items: number[]) => {
    writes.push(items);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const openNext = async () => {
    while (!gates.length) await Promise.resolve();
    gates.shift()!();
  };
  return { writes, write, openNext };
}

describe("groupCommit", () => {
  it("writes the first item at once and what arrives meanwhile in the next write", async () => {
    const w = gatedWrites();
    const c = groupCommit(w.write);
    c.add(1);
    c.add(2);
    c.add(3);
    expect(w.writes).toEqual([[1]]);
    const done = c.flushed();
    await w.openNext();
    await w.openNext();
    await done;
    expect(w.writes).toEqual([[1], [2, 3]]);
  });

  it("starts again after going idle, and flushed() waits for the last write", async () => {
    const writes: number[][] = [];
    const c = groupCommit(async (items: number[]) => void writes.push(items));
    c.add(1);
    await c.flushed();
    c.add(2);
    await c.flushed();
    expect(writes).toEqual([[1], [2]]);
  });

  it("reports a failed write and writes nothing after it", async () => {
    const writes: number[][] = [];
    const c = groupCommit(async (items: number[]) => {
      writes.push(items);
      if (items.includes(1)) throw new Error("database gone");
    });
    c.add(1);
    c.add(2);
    await expect(c.flushed()).rejects.toThrow("database gone");
    expect(writes).toEqual([[1]]);
  });
});
