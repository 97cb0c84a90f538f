import type { TPlanStep } from "../compile/compile-journey";
import { evaluateCondition } from "./evaluate-condition";
import { UNIT_MS } from "./duration-units";
import type { Ctx, NodeResult } from "./interpret-journey";
import { buildWaitForEventFilter } from "./wait-for-event-filter";

/**
 * How many arrivals of the awaited event a wait re-checks before it only waits out its timeout:
 * each arrival costs two steps, and a run has a bounded number of them (Inngest allows 1,000).
 */
export const MAX_ARRIVALS_CHECKED = 50;

/**
 * A wait-for-event node. Without a condition: the awaited event, or the timeout. With one, the
 * condition is read (in a memoized step, at that moment) when a matching event arrives and at the
 * timeout, joined to "the event arrived during this wait" by the node's `match`:
 * - "all": an arrival whose condition fails keeps the wait going for the time left, and at the
 *   timeout the node is met when an arrival came and the condition holds now;
 * - "any": the first arrival meets it; otherwise the condition alone decides at the timeout.
 * The first wait keeps the node's step id, so runs of versions without a condition replay unchanged.
 */
export async function waitForEventNode(
  step: Extract<TPlanStep, { kind: "wait_for_event" }>,
  ctx: Ctx,
): Promise<NodeResult> {
  const { port, effects, run } = ctx;
  const c = step.config;
  const id = step.stepId;
  const timeoutMs = c.timeout.amount * UNIT_MS[c.timeout.unit];
  const waitOpts = { event: c.event, if: buildWaitForEventFilter(c.filters) };
  const condition = c.condition;
  if (!condition) {
    const ev = await port.waitForEvent(id, { ...waitOpts, timeoutMs });
    return { outcome: ev ? "happened" : "timed_out" };
  }
  const check = (key: string) =>
    port.run(`${id}:${key}`, async () => {
      const now = effects.now();
      const met = await evaluateCondition(condition, {
        contactId: run.contactId,
        runId: run.entryId,
        enteredAt: ctx.enteredAt,
        now,
        effects,
      });
      return { met, at: now.getTime() };
    });
  const started = await port.run(`${id}:start`, () => effects.now().getTime());
  const deadline = started + timeoutMs;
  let now = started;
  let arrivals = 0;
  while (arrivals < MAX_ARRIVALS_CHECKED && now < deadline) {
    const ev = await port.waitForEvent(arrivals === 0 ? id : `${id}:${arrivals}`, {
      ...waitOpts,
      timeoutMs: deadline - now,
    });
    if (!ev) break;
    arrivals++;
    if (c.match === "any") return met("arrival", arrivals);
    const r = await check(`check:${arrivals}`);
    if (r.met) return met("arrival", arrivals);
    now = r.at;
  }
  // Past the cap, the rest of the timeout is waited out before the last check.
  if (arrivals >= MAX_ARRIVALS_CHECKED && now < deadline)
    await port.sleepUntil(`${id}:rest`, new Date(deadline));
  if (c.match === "all" && arrivals === 0) return timedOut(arrivals);
  const last = await check("check:timeout");
  return last.met ? met("timeout", arrivals) : timedOut(arrivals);
}

const met = (at: "arrival" | "timeout", arrivals: number): NodeResult => ({
  outcome: "happened",
  detail: { metAt: at, arrivals },
});
const timedOut = (arrivals: number): NodeResult => ({
  outcome: "timed_out",
  detail: { arrivals },
});
