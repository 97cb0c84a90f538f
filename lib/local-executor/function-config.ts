import { z } from "zod";
import { compileExpression } from "./cel-subset";

// The parts of a synced function config (the SDK's functionConfigSchema) the executor acts on.
// Options it does not implement are refused at sync, loudly, rather than silently ignored.

const ZTrigger = z.union([z.object({ event: z.string(), expression: z.string().optional() }), z.object({ cron: z.string(), jitter: z.string().optional() })]);

export const ZFunctionConfig = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(ZTrigger),
    steps: z.record(z.string(), z.object({ runtime: z.object({ type: z.string(), url: z.string() }), retries: z.object({ attempts: z.number().int().min(0).optional() }).optional() })),
    idempotency: z.string().optional(),
    cancel: z.array(z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).optional(),
    concurrency: z.unknown().optional(),
  })
  .passthrough();

export type TFunctionConfig = z.infer<typeof ZFunctionConfig>;

const UNSUPPORTED = ["batchEvents", "rateLimit", "throttle", "singleton", "debounce", "timeouts", "priority"] as const;
const DEFAULT_RETRIES = 3;

export type TRegisteredFunction = {
  id: string;
  url: string;
  config: TFunctionConfig;
  events: string[];
  /** Attempts per step and per discovery call: retries + 1. */
  maxAttempts: number;
};

/** Reads one synced config; throws naming the function and the option it cannot honour. */
export function readFunctionConfig(raw: unknown): TRegisteredFunction {
  const config = ZFunctionConfig.parse(raw);
  const where = `Function "${config.id}"`;
  for (const key of UNSUPPORTED) if (config[key] !== undefined) throw new Error(`${where} uses "${key}", which the local executor does not support`);
  const events: string[] = [];
  for (const t of config.triggers) {
    if ("cron" in t) throw new Error(`${where} has a cron trigger, which the local executor does not support`);
    if (t.expression) throw new Error(`${where} has a trigger expression, which the local executor does not support`);
    events.push(t.event);
  }
  for (const c of config.cancel ?? []) if (c.if) compileExpression(c.if);
  if (config.idempotency) idempotencyPath(config.idempotency, config.id);
  const step = config.steps.step;
  if (!step) throw new Error(`${where} has no "step" entry with a URL`);
  return { id: config.id, url: step.runtime.url, config, events, maxAttempts: (step.retries?.attempts ?? DEFAULT_RETRIES) + 1 };
}

/** The event path of an idempotency key; only `event.data.<path>` is supported. */
export function idempotencyPath(expression: string, fnId: string): string[] {
  const m = /^event\.data((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/.exec(expression.trim());
  if (!m) throw new Error(`Function "${fnId}" has idempotency ${JSON.stringify(expression)}; the local executor supports only event.data.<path>`);
  return m[1]!.slice(1).split(".");
}

export function idempotencyKeyOf(fn: TRegisteredFunction, event: { data: Record<string, unknown> }): string | null {
  if (!fn.config.idempotency) return null;
  let v: unknown = event.data;
  for (const k of idempotencyPath(fn.config.idempotency, fn.id)) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v === undefined ? null : JSON.stringify(v);
}
