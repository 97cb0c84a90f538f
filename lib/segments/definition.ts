import { z } from "zod";
import { ZAttributeKey } from "@/lib/contacts/attributes";

/**
 * A segment is a tree of AND/OR groups over conditions. Every operator is defined once here, with
 * the value it needs; segment-to-sql.ts compiles it and evaluate-segment.ts is the reference the
 * compiler is tested against.
 */
export const STRING_OPS = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "in",
  "not_in",
  "is_set",
  "is_not_set",
] as const;
export const NUMBER_OPS = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "is_set",
  "is_not_set",
] as const;
export const BOOLEAN_OPS = ["is_true", "is_false", "is_set", "is_not_set"] as const;
export const DATE_OPS = [
  "before",
  "after",
  "between",
  "within_last_days",
  "within_next_days",
  "more_than_days_ago",
  "is_set",
  "is_not_set",
] as const;
export const ARRAY_OPS = ["includes", "not_includes", "is_empty", "is_set", "is_not_set"] as const;

export const VALUE_TYPES = ["string", "number", "boolean", "date", "array"] as const;
export type TValueType = (typeof VALUE_TYPES)[number];

const ZDate = z.iso.datetime({
  offset: true,
  error: "must be an ISO date-time like 2026-11-01T00:00:00Z",
});
const ZDays = z
  .number({ error: "must be a number of days" })
  .int({ error: "must be a whole number of days" })
  .min(0)
  .max(36500);
const ZScalar = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/** The value each (type, op) pair takes; ops not listed take none. */
const VALUE_BY_OP: Record<TValueType, Partial<Record<string, z.ZodType>>> = {
  string: {
    equals: z.string({ error: "must be text" }).max(500),
    not_equals: z.string({ error: "must be text" }).max(500),
    contains: z.string({ error: "must be text" }).min(1, { error: "enter some text" }).max(500),
    not_contains: z.string({ error: "must be text" }).min(1, { error: "enter some text" }).max(500),
    starts_with: z.string({ error: "must be text" }).min(1, { error: "enter some text" }).max(500),
    ends_with: z.string({ error: "must be text" }).min(1, { error: "enter some text" }).max(500),
    in: z
      .array(z.string().max(500), { error: "must be a list of texts" })
      .min(1, { error: "needs at least one value" })
      .max(1000),
    not_in: z
      .array(z.string().max(500), { error: "must be a list of texts" })
      .min(1, { error: "needs at least one value" })
      .max(1000),
  },
  number: {
    eq: z.number({ error: "must be a number" }).finite(),
    neq: z.number({ error: "must be a number" }).finite(),
    gt: z.number({ error: "must be a number" }).finite(),
    gte: z.number({ error: "must be a number" }).finite(),
    lt: z.number({ error: "must be a number" }).finite(),
    lte: z.number({ error: "must be a number" }).finite(),
    between: z
      .tuple([z.number().finite(), z.number().finite()], {
        error: "must be two numbers [low, high]",
      })
      .refine(([a, b]) => a <= b, { error: "low must not be above high" }),
  },
  boolean: {},
  date: {
    before: ZDate,
    after: ZDate,
    between: z
      .tuple([ZDate, ZDate], { error: "must be two dates [from, to]" })
      .refine(([a, b]) => Date.parse(a) <= Date.parse(b), { error: "from must not be after to" }),
    within_last_days: ZDays,
    within_next_days: ZDays,
    more_than_days_ago: ZDays,
  },
  array: { includes: ZScalar, not_includes: ZScalar },
};

const OPS_BY_TYPE: Record<TValueType, readonly string[]> = {
  string: STRING_OPS,
  number: NUMBER_OPS,
  boolean: BOOLEAN_OPS,
  date: DATE_OPS,
  array: ARRAY_OPS,
};

/** A typed comparison, shared by attributes, profile fields and event properties. */
const ZComparison = z
  .object({
    type: z.enum(VALUE_TYPES, { error: `must be one of ${VALUE_TYPES.join(", ")}` }),
    op: z.string(),
    value: z.unknown().optional(),
  })
  .superRefine((c, ctx) => {
    const ops = OPS_BY_TYPE[c.type];
    if (!ops.includes(c.op)) {
      ctx.addIssue({
        code: "custom",
        path: ["op"],
        message: `"${c.op}" does not apply to ${c.type} values; use one of ${ops.join(", ")}`,
      });
      return;
    }
    const schema = VALUE_BY_OP[c.type][c.op];
    if (!schema) {
      if (c.value !== undefined)
        ctx.addIssue({ code: "custom", path: ["value"], message: `"${c.op}" takes no value` });
      return;
    }
    const r = schema.safeParse(c.value);
    if (!r.success)
      ctx.addIssue({
        code: "custom",
        path: ["value", ...r.error.issues[0]!.path.map((p) => p as string | number)],
        message: r.error.issues[0]!.message,
      });
  });
export type TComparison = { type: TValueType; op: string; value?: unknown };

export const ZPropertyFilter = z.intersection(z.object({ property: ZAttributeKey }), ZComparison);
export type TPropertyFilter = TComparison & { property: string };

const ZEventName = z.string().trim().min(1, { error: "choose an event" }).max(200);
const ZWindow = z.union([
  z.strictObject({ lastDays: ZDays.min(1) }),
  z.strictObject({ from: ZDate, to: ZDate }),
]);
const ZCount = z.strictObject({
  op: z.enum(["at_least", "at_most", "exactly"]),
  value: z.number({ error: "must be a number" }).int().min(0).max(1_000_000),
});

export const PROFILE_FIELDS = [
  "userId",
  "email",
  "phone",
  "country",
  "city",
  "timezone",
  "locale",
] as const;
export const CHANNELS = ["email", "sms", "push", "voice", "in_app"] as const;

const ZAttributeCondition = z.intersection(
  z.object({ kind: z.literal("attribute"), key: ZAttributeKey }),
  ZComparison,
);
/**
 * A trait of the contact's accounts (Segment `group`): true when any of their accounts matches.
 * A negative operator is the exact negation: none of their accounts matches the positive, so a
 * contact in no account matches "plan is not enterprise".
 */
const ZAccountCondition = z.intersection(
  z.object({ kind: z.literal("account"), key: ZAttributeKey }),
  ZComparison,
);
export const NEGATIVE_OPS: Record<string, string> = {
  not_equals: "equals",
  not_contains: "contains",
  not_in: "in",
  neq: "eq",
  not_includes: "includes",
  is_not_set: "is_set",
};
const ZProfileCondition = z.intersection(
  z.object({ kind: z.literal("profile"), field: z.enum(PROFILE_FIELDS) }),
  ZComparison.refine((c) => c.type === "string", {
    error: "profile fields are text",
    path: ["type"],
  }),
);
const ZSignupCondition = z.intersection(
  z.object({ kind: z.literal("signup") }),
  ZComparison.refine((c) => c.type === "date", { error: "sign-up is a date", path: ["type"] }),
);
const ZEventCondition = z.strictObject({
  kind: z.literal("event"),
  name: ZEventName,
  filters: z.array(ZPropertyFilter).max(20).default([]),
  count: ZCount.default({ op: "at_least", value: 1 }),
  window: ZWindow.optional(),
});
const ZEventTimeCondition = z.intersection(
  z.object({
    kind: z.literal("event_time"),
    name: ZEventName,
    which: z.enum(["first", "last"]),
    filters: z.array(ZPropertyFilter).max(20).default([]),
  }),
  ZComparison.refine((c) => c.type === "date" && c.op !== "is_set" && c.op !== "is_not_set", {
    error: "compare the time with a date operator",
    path: ["op"],
  }),
);
const ZStep = z.strictObject({
  name: ZEventName,
  filters: z.array(ZPropertyFilter).max(20).default([]),
});
const ZSequenceCondition = z.strictObject({
  kind: z.literal("sequence"),
  first: ZStep,
  then: ZStep,
  /** "then" must happen within this many hours after "first". */
  withinHours: z
    .number()
    .positive({ error: "must be more than 0 hours" })
    .max(24 * 365),
  mode: z.enum(["followed_by", "not_followed_by"]),
  window: ZWindow.optional(),
});
const ZChannelCondition = z.strictObject({
  kind: z.literal("channel"),
  channel: z.enum(CHANNELS),
  state: z.enum(["reachable", "has_address", "opted_out"]),
});
/**
 * Where the contact stands on a subscription topic (by its key): their choice, else the topic's
 * default. A key the workspace has no topic for matches nobody.
 */
const ZTopicCondition = z.strictObject({
  kind: z.literal("topic"),
  topic: z
    .string({ error: "choose a topic" })
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, { error: "choose a topic" }),
  state: z.enum(["subscribed", "unsubscribed"], {
    error: 'must be "subscribed" or "unsubscribed"',
  }),
});
const ZDeviceCondition = z.strictObject({
  kind: z.literal("device"),
  platform: z.enum(["ios", "android", "web"]),
});
const ZSegmentCondition = z.strictObject({
  kind: z.literal("segment"),
  segmentId: z.uuid({ error: "choose a segment" }),
  in: z.boolean(),
});

// Dispatched by `kind`, so an error points into the condition that has it, not at "Invalid input".
const CONDITION_SCHEMAS: Record<string, z.ZodType> = {
  attribute: ZAttributeCondition,
  account: ZAccountCondition,
  profile: ZProfileCondition,
  signup: ZSignupCondition,
  event: ZEventCondition,
  event_time: ZEventTimeCondition,
  sequence: ZSequenceCondition,
  channel: ZChannelCondition,
  topic: ZTopicCondition,
  device: ZDeviceCondition,
  segment: ZSegmentCondition,
};

export type TCondition =
  | (TComparison & { kind: "attribute"; key: string })
  | (TComparison & { kind: "account"; key: string })
  | (TComparison & { kind: "profile"; field: (typeof PROFILE_FIELDS)[number] })
  | (TComparison & { kind: "signup" })
  | {
      kind: "event";
      name: string;
      filters: TPropertyFilter[];
      count: { op: "at_least" | "at_most" | "exactly"; value: number };
      window?: TWindow;
    }
  | (TComparison & {
      kind: "event_time";
      name: string;
      which: "first" | "last";
      filters: TPropertyFilter[];
    })
  | {
      kind: "sequence";
      first: TStep;
      then: TStep;
      withinHours: number;
      mode: "followed_by" | "not_followed_by";
      window?: TWindow;
    }
  | {
      kind: "channel";
      channel: (typeof CHANNELS)[number];
      state: "reachable" | "has_address" | "opted_out";
    }
  | { kind: "topic"; topic: string; state: "subscribed" | "unsubscribed" }
  | { kind: "device"; platform: "ios" | "android" | "web" }
  | { kind: "segment"; segmentId: string; in: boolean };
export type TWindow = { lastDays: number } | { from: string; to: string };
export type TStep = { name: string; filters: TPropertyFilter[] };
export type TGroup = { kind: "group"; match: "all" | "any"; conditions: (TGroup | TCondition)[] };

const KINDS = [...Object.keys(CONDITION_SCHEMAS), "group"];

export const ZGroup: z.ZodType<TGroup> = z.lazy(() =>
  z.strictObject({
    kind: z.literal("group"),
    match: z.enum(["all", "any"], { error: 'must be "all" or "any"' }),
    conditions: z
      .array(
        z.unknown().transform((v, ctx) => {
          const kind = (v as { kind?: unknown })?.kind;
          if (!KINDS.includes(kind as string)) {
            ctx.addIssue({
              code: "custom",
              path: ["kind"],
              message: `must be one of ${KINDS.join(", ")}`,
            });
            return z.NEVER;
          }
          const r = (kind === "group" ? ZGroup : CONDITION_SCHEMAS[kind as string]!).safeParse(v);
          if (!r.success) {
            for (const issue of r.error.issues)
              ctx.addIssue({ ...issue, code: "custom", message: issue.message } as never);
            return z.NEVER;
          }
          return r.data as TGroup | TCondition;
        }),
      )
      .min(1, { error: "a group needs at least one condition" })
      .max(100),
  }),
);

export const ZSegmentDefinition = ZGroup;
export type TSegmentDefinition = TGroup;
