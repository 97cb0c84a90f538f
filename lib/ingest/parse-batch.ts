import { z } from "zod";
import type { TContextOptions } from "./event-context";
import { parseCall, type TParseResult } from "./normalize";
import { CALL_TYPES, MAX_BATCH_ITEMS, type TCallType } from "./schemas";

const ZBatch = z.strictObject({
  batch: z
    .array(z.unknown(), { error: "must be an array of calls" })
    .min(1, { error: "must hold at least one call" })
    .max(MAX_BATCH_ITEMS, { error: `holds at most ${MAX_BATCH_ITEMS} calls; split it` }),
  context: z.record(z.string(), z.unknown()).optional(),
  integrations: z.record(z.string(), z.unknown()).optional(),
  sentAt: z.string().optional(),
  timestamp: z.string().optional(),
  writeKey: z.string().optional(),
  _metadata: z.unknown().optional(),
});

export type TBatchParse =
  { ok: false; field: string; message: string } | { ok: true; items: TParseResult[] };

/**
 * A Segment batch: `{ batch: [...] }`, each call with its `type`. The batch's `context` and
 * `sentAt` apply to calls that lack their own. Each call is validated on its own.
 */
export function parseBatch(body: unknown, now: Date, opts: TContextOptions = {}): TBatchParse {
  const parsed = ZBatch.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    return {
      ok: false,
      field,
      message:
        issue.code === "unrecognized_keys"
          ? `Unknown field: ${issue.keys.join(", ")}`
          : issue.message,
    };
  }
  const { batch, context, sentAt } = parsed.data;
  const items = batch.map((raw, index): TParseResult => {
    const prefix = (r: TParseResult): TParseResult =>
      r.ok ? r : { ...r, field: `batch.${index}.${r.field}` };
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
      return { ok: false, field: `batch.${index}`, message: "must be an object" };
    const { type, ...call } = raw as Record<string, unknown>;
    if (!CALL_TYPES.includes(type as TCallType)) {
      return {
        ok: false,
        field: `batch.${index}.type`,
        message: `must be one of ${CALL_TYPES.join(", ")}`,
      };
    }
    const merged = {
      ...call,
      ...(sentAt && call.sentAt === undefined ? { sentAt } : {}),
      ...(context ? { context: { ...context, ...((call.context as object) ?? {}) } } : {}),
    };
    return prefix(parseCall(type as TCallType, merged, now, opts));
  });
  return { ok: true, items };
}
