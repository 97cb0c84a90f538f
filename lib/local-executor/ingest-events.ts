import { randomUUID } from "node:crypto";
import { z } from "zod";
import { insertEvents } from "@/db/queries/executor-events";
import {
  activeRunsOf,
  cancelRuns,
  insertRuns,
  memoiseStep,
  wakeRun,
} from "@/db/queries/executor-runs";
import { eventWaitsFor, takeWait } from "@/db/queries/executor-waits";
import { compileExpression } from "./cel-subset";
import type { TRegisteredFunction } from "./function-config";
import { newRunOf } from "./new-run";

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

export type TIngestResult = {
  ids: string[];
  duplicates: number;
  started: string[];
  resumed: number;
  cancelled: number;
};

/**
 * Accepts events: stores each once (by id), cancels runs whose `cancelOn` matches, resumes runs
 * waiting for it, and starts a run of every function it triggers. A batch costs a few statements,
 * not a few per event.
 */
export async function ingestEvents(
  input: TEventInput[],
  functions: Map<string, TRegisteredFunction>,
  nowMs: number,
): Promise<TIngestResult> {
  const events = input.map((raw) => {
    const e = ZEventInput.parse(raw);
    return { id: e.id ?? randomUUID(), name: e.name, data: e.data, ts: e.ts ?? nowMs };
  });
  const inserted = await insertEvents(events);
  // Only the first of several events sharing an id in one batch counts.
  const fresh = events.filter((e) => inserted.delete(e.id));
  const result: TIngestResult = {
    ids: events.map((e) => e.id),
    duplicates: events.length - fresh.length,
    started: [],
    resumed: 0,
    cancelled: 0,
  };
  const now = new Date(nowMs);
  const fns = [...functions.values()];

  for (const event of fresh) {
    const cancelling = fns.filter((f) => f.config.cancel?.some((c) => c.event === event.name));
    if (!cancelling.length) continue;
    for (const run of await activeRunsOf(cancelling.map((f) => f.id))) {
      const rules =
        functions.get(run.functionId)?.config.cancel?.filter((c) => c.event === event.name) ?? [];
      if (rules.some((c) => !c.if || compileExpression(c.if)(run.event, event)))
        result.cancelled += await cancelRuns(
          [run.id],
          `Cancelled by event ${event.name} (${event.id})`,
        );
    }
  }

  for (const name of new Set(fresh.map((e) => e.name))) {
    const waits = await eventWaitsFor(name);
    if (!waits.length) continue;
    const taken = new Set<(typeof waits)[number]>();
    for (const event of fresh.filter((e) => e.name === name)) {
      for (const wait of waits) {
        if (taken.has(wait)) continue;
        if (wait.expression && !compileExpression(wait.expression)(wait.event, event)) continue;
        taken.add(wait);
        if (!(await takeWait(wait.runId, wait.stepId))) continue;
        await memoiseStep(wait.runId, wait.stepId, { data: event });
        await wakeRun(wait.runId, now);
        result.resumed++;
      }
    }
  }

  const runs = fresh.flatMap((event) =>
    fns.filter((fn) => fn.events.includes(event.name)).map((fn) => newRunOf(fn, event, now)),
  );
  result.started = await insertRuns(runs);
  return result;
}
