import { randomUUID } from "node:crypto";
import type { TNewRun } from "@/db/queries/executor-runs";
import {
  concurrencyOf,
  idempotencyKeyOf,
  singletonKeyOf,
  type TRegisteredFunction,
} from "./function-config";

/** The run an event starts for a function: its keys (idempotency, concurrency, singleton) read from the event. */
export function newRunOf(
  fn: TRegisteredFunction,
  event: { id: string; name: string; data: Record<string, unknown>; ts: number },
  readyAt: Date,
): TNewRun {
  return {
    id: randomUUID(),
    functionId: fn.id,
    event,
    readyAt,
    idempotencyKey: idempotencyKeyOf(fn, event),
    singletonKey: singletonKeyOf(fn, event),
    ...concurrencyOf(fn, event),
  };
}
