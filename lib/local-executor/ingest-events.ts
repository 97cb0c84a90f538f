import { randomUUID } from "node:crypto";
import { z } from "zod";
import { insertEvent } from "@/db/queries/executor-events";
import { activeRunsOf, cancelRuns, insertRun, memoiseStep, wakeRun } from "@/db/queries/executor-runs";
import { eventWaitsFor, takeWait } from "@/db/queries/executor-waits";
import { compileExpression } from "./cel-subset";
import { concurrencyOf, idempotencyKeyOf, type TRegisteredFunction } from "./function-config";

/** An event as `inngest.send()` posts it (id and ts optional). */
export const ZEventInput = z.object({
  name: z.string().min(1).max(256),
  data: z.record(z.string(), z.unknown()).default({}),
  id: z.string().min(1).max(256).optional(),
  ts: z.number().int().nonnegative().optional(),
  user: z.unknown().optional(),
  v: z.string().optional(),
});
export type TEventInput = z.input<typeof ZEventInput>;

export type TIngestResult = { ids: string[]; duplicates: number; started: string[]; resumed: number; cancelled: number };

/**
 * Accepts events: stores each once (by id), cancels runs whose `cancelOn` matches, resumes runs
 * waiting for it, and starts a run of every function it triggers.
 */
export async function ingestEvents(input: TEventInput[], functions: Map<string, TRegisteredFunction>, nowMs: number): Promise<TIngestResult> {
  const result: TIngestResult = { ids: [], duplicates: 0, started: [], resumed: 0, cancelled: 0 };
  for (const raw of input) {
    const parsed = ZEventInput.parse(raw);
    const event = { id: parsed.id ?? randomUUID(), name: parsed.name, data: parsed.data, ts: parsed.ts ?? nowMs };
    result.ids.push(event.id);
    if (!(await insertEvent(event))) {
      result.duplicates++;
      continue;
    }
    const now = new Date(nowMs);

    const cancelling = [...functions.values()].filter((f) => f.config.cancel?.some((c) => c.event === event.name));
    for (const run of await activeRunsOf(cancelling.map((f) => f.id))) {
      const rules = functions.get(run.functionId)?.config.cancel?.filter((c) => c.event === event.name) ?? [];
      if (rules.some((c) => !c.if || compileExpression(c.if)(run.event, event))) result.cancelled += await cancelRuns([run.id], `Cancelled by event ${event.name} (${event.id})`);
    }

    for (const wait of await eventWaitsFor(event.name)) {
      if (wait.expression && !compileExpression(wait.expression)(wait.event, event)) continue;
      if (!(await takeWait(wait.runId, wait.stepId))) continue;
      await memoiseStep(wait.runId, wait.stepId, { data: event });
      await wakeRun(wait.runId, now);
      result.resumed++;
    }

    for (const fn of functions.values()) {
      if (!fn.events.includes(event.name)) continue;
      const id = await insertRun({ id: randomUUID(), functionId: fn.id, event, readyAt: now, idempotencyKey: idempotencyKeyOf(fn, event), ...concurrencyOf(fn, event) });
      if (id) result.started.push(id);
    }
  }
  return result;
}
