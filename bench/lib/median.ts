/** The median time in ms of `runs` sequential calls of `f`. */
export async function median(runs: number, f: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * Medians in ms of `runs` rounds that each time every function once, in turn: load from other
 * processes that comes and goes then weighs on all of them alike, not on whichever ran last.
 */
export async function interleavedMedians(
  runs: number,
  fs: (() => Promise<unknown>)[],
): Promise<number[]> {
  const times: number[][] = fs.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, f] of fs.entries()) {
      const t0 = performance.now();
      await f();
      times[k]!.push(performance.now() - t0);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}
