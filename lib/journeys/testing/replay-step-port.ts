import type { StepPort, TPortEvent } from "../interpret/step-port";

/** Thrown to end one invocation after it ran a new step, as Inngest's SDK does. */
class Interrupt extends Error {}

/**
 * Replays like Inngest: each invocation runs the function from the top, memoized steps return their
 * stored result without running, and the first new step runs (on the inner port) and ends the
 * invocation. A function that is not deterministic on replay takes a different path here.
 */
export async function runWithReplays<T>(
  inner: StepPort,
  fn: (port: StepPort) => Promise<T>,
  maxInvocations = 1000,
): Promise<{ result: T; invocations: number }> {
  const memo = new Map<string, unknown>();
  const step =
    <R>(id: string, exec: () => Promise<R>) =>
    async (): Promise<R> => {
      if (memo.has(id)) return memo.get(id) as R;
      memo.set(id, await exec());
      throw new Interrupt(id);
    };
  const port: StepPort = {
    run: (id, f) => step(id, () => inner.run(id, f))(),
    sleep: (id, ms) => step(id, () => inner.sleep(id, ms))(),
    sleepUntil: (id, d) => step(id, () => inner.sleepUntil(id, d))(),
    waitForEvent: (id, o) => step<TPortEvent | null>(id, () => inner.waitForEvent(id, o))(),
    announceExit: (id, x) => step(id, () => inner.announceExit(id, x))(),
  };
  for (let i = 1; i <= maxInvocations; i++) {
    try {
      return { result: await fn(port), invocations: i };
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
    }
  }
  throw new Error("too many invocations");
}
