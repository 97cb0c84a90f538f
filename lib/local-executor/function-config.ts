import { z } from "zod";
import { compileExpression } from "./cel-subset";

// The parts of a synced function config (the SDK's functionConfigSchema) the executor acts on.
// Options it does not implement are refused at sync, loudly, rather than silently ignored.

const ZTrigger = z.union([
  z.object({ event: z.string(), expression: z.string().optional() }),
  z.object({ cron: z.string(), jitter: z.string().optional() }),
]);

export const ZFunctionConfig = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(ZTrigger),
    steps: z.record(
      z.string(),
      z.object({
        runtime: z.object({ type: z.string(), url: z.string() }),
        retries: z.object({ attempts: z.number().int().min(0).optional() }).optional(),
      }),
    ),
    idempotency: z.string().optional(),
    cancel: z
      .array(
        z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() }),
      )
      .optional(),
    concurrency: z.unknown().optional(),
  })
  .passthrough();

export type TFunctionConfig = z.infer<typeof ZFunctionConfig>;

const UNSUPPORTED = [
  "batchEvents",
  "rateLimit",
  "throttle",
  "singleton",
  "debounce",
  "timeouts",
  "priority",
] as const;
const DEFAULT_RETRIES = 3;

export type TRegisteredFunction = {
  id: string;
  /** At most `limit` runs of one group (`key` path of the event, or the whole function) execute at once. */
  concurrency: { limit: number; keyPath: string[] | null } | null;
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
  for (const key of UNSUPPORTED)
    if (config[key] !== undefined)
      throw new Error(`${where} uses "${key}", which the local executor does not support`);
  const events: string[] = [];
  for (const t of config.triggers) {
    // TEMPORARY (campaigns2): a cron trigger is synced but not fired until the executor's cron
    // support lands (branch `exec`, which replaces this line); the function's event triggers work.
    if ("cron" in t) continue;
    if (t.expression)
      throw new Error(
        `${where} has a trigger expression, which the local executor does not support`,
      );
    events.push(t.event);
  }
  for (const c of config.cancel ?? []) if (c.if) compileExpression(c.if);
  if (config.idempotency) eventDataPath(config.idempotency, config.id, "idempotency");
  const concurrency = readConcurrency(config.concurrency, config.id);
  const step = config.steps.step;
  if (!step) throw new Error(`${where} has no "step" entry with a URL`);
  return {
    id: config.id,
    url: step.runtime.url,
    config,
    events,
    concurrency,
    maxAttempts: (step.retries?.attempts ?? DEFAULT_RETRIES) + 1,
  };
}

/** The event path of a key expression (idempotency, concurrency); only `event.data.<path>` is supported. */
export function eventDataPath(expression: string, fnId: string, what: string): string[] {
  const m = /^event\.data((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/.exec(expression.trim());
  if (!m)
    throw new Error(
      `Function "${fnId}" has ${what} ${JSON.stringify(expression)}; the local executor supports only event.data.<path>`,
    );
  return m[1]!.slice(1).split(".");
}

function readConcurrency(raw: unknown, fnId: string): TRegisteredFunction["concurrency"] {
  if (raw === undefined || raw === null) return null;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length !== 1)
    throw new Error(
      `Function "${fnId}" has ${list.length} concurrency limits; the local executor supports one`,
    );
  const c = z
    .union([
      z.number().int(),
      z.object({
        limit: z.number().int(),
        key: z.string().optional(),
        scope: z.enum(["fn"]).optional(),
      }),
    ])
    .safeParse(list[0]);
  if (!c.success)
    throw new Error(
      `Function "${fnId}" has a concurrency option the local executor does not support (only scope "fn"): ${JSON.stringify(list[0])}`,
    );
  const { limit, key } = typeof c.data === "number" ? { limit: c.data, key: undefined } : c.data;
  if (limit <= 0) return null;
  return { limit, keyPath: key ? eventDataPath(key, fnId, "concurrency key") : null };
}

function readPath(data: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = data;
  for (const k of path)
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

export function idempotencyKeyOf(
  fn: TRegisteredFunction,
  event: { data: Record<string, unknown> },
): string | null {
  if (!fn.config.idempotency) return null;
  const v = readPath(event.data, eventDataPath(fn.config.idempotency, fn.id, "idempotency"));
  return v === undefined ? null : JSON.stringify(v);
}

/** The run's concurrency group and limit, or nulls when the function has no limit. */
export function concurrencyOf(
  fn: TRegisteredFunction,
  event: { data: Record<string, unknown> },
): { concurrencyKey: string | null; concurrencyLimit: number | null } {
  if (!fn.concurrency) return { concurrencyKey: null, concurrencyLimit: null };
  const key = fn.concurrency.keyPath
    ? JSON.stringify(readPath(event.data, fn.concurrency.keyPath) ?? null)
    : "";
  return { concurrencyKey: `${fn.id}:${key}`, concurrencyLimit: fn.concurrency.limit };
}
