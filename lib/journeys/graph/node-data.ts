import { z } from "zod";
import { NODE_MESSAGES } from "./node-messages";
import { ZAttributeKey } from "@/lib/contacts/attributes";
import { SEND_CHANNELS } from "@/lib/channels/types";
import { ZPropertyFilter } from "@/lib/segments/definition";

/**
 * The typed `data` of each node kind, strict (what publishing requires). Drafts keep `data` as loose
 * JSON; validate-graph parses each node's data with these so an error names the node and the field.
 */
export const ZTimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: NODE_MESSAGES.timeOfDay });
export const ZTimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: NODE_MESSAGES.timeZone },
);
const ZIsoDateTime = z.iso.datetime({
  offset: true,
  error: NODE_MESSAGES.isoDateTime,
});
const ZEventName = z.string().trim().min(1, { error: NODE_MESSAGES.chooseEvent }).max(200);
const ZOffsetDays = z
  .number({ error: NODE_MESSAGES.numberOfDays })
  .int({ error: NODE_MESSAGES.wholeDays })
  .min(-3650)
  .max(3650);

/**
 * Filters a wait-for-event can match: equality on a property, because the durable wait's `if` is a
 * CEL expression limited to `==` (see /work/notes/cel-subset.md and wait-for-event-filter.ts).
 */
export const ZEqualityFilter = z.strictObject({
  property: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, {
    error: NODE_MESSAGES.propertyPath,
  }),
  value: z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]),
});
export type TEqualityFilter = z.infer<typeof ZEqualityFilter>;

/** A contact date attribute shifted by whole days, at a local time; `yearly` for birthdays and anniversaries. */
export const ZDateAttributeRef = z.strictObject({
  attribute: ZAttributeKey,
  offsetDays: ZOffsetDays.default(0),
  time: ZTimeOfDay.default("09:00"),
  yearly: z.boolean().default(false),
});
export type TDateAttributeRef = z.infer<typeof ZDateAttributeRef>;

export const ZTriggerData = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("event"),
      event: ZEventName,
      filters: z.array(ZPropertyFilter).max(20).default([]),
    }),
    z.strictObject({
      kind: z.literal("segment_entered"),
      segmentId: z.uuid({ error: NODE_MESSAGES.chooseSegment }),
      /** Whether contacts already in the segment when a version goes live enter too (Pinpoint's behaviour), or only later arrivals. */
      includeExisting: z.boolean().default(false),
    }),
    z.strictObject({ kind: z.literal("date_attribute"), ...ZDateAttributeRef.shape }),
    z.strictObject({ kind: z.literal("api") }),
  ],
  { error: NODE_MESSAGES.chooseTrigger },
);

export const ZWaitData = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("duration"),
      // Zero and negatives parse so validate-graph can say "wait_not_positive" about the node.
      amount: z.number({ error: NODE_MESSAGES.number }).finite().max(100_000),
      unit: z.enum(["minutes", "hours", "days", "weeks"]),
    }),
    z.strictObject({ kind: z.literal("until_datetime"), at: ZIsoDateTime }),
    z.strictObject({ kind: z.literal("until_time_of_day"), time: ZTimeOfDay }),
    z.strictObject({ kind: z.literal("until_date_attribute"), ...ZDateAttributeRef.shape }),
  ],
  { error: NODE_MESSAGES.chooseWait },
);

const ZTimeout = z.strictObject({
  amount: z.number({ error: NODE_MESSAGES.number }).finite().max(100_000),
  unit: z.enum(["minutes", "hours", "days", "weeks"]),
});
const ZLeafConditions = [
  z.strictObject({ kind: z.literal("attribute"), filter: ZPropertyFilter }),
  z.strictObject({
    kind: z.literal("segment"),
    segmentId: z.uuid({ error: NODE_MESSAGES.chooseSegment }),
    in: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal("did_event"),
    event: ZEventName,
    /** `false` reads "did not": no such event in the window ("browsed but did not buy"). */
    did: z.boolean().default(true),
    filters: z.array(ZPropertyFilter).max(20).default([]),
    /** Since the contact entered this journey, or within the last N hours. */
    window: z
      .discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("since_entry") }),
        z.strictObject({
          kind: z.literal("last_hours"),
          hours: z
            .number()
            .positive({ error: NODE_MESSAGES.positiveHours })
            .max(24 * 3650),
        }),
      ])
      .default({ kind: "since_entry" }),
  }),
  z.strictObject({
    kind: z.literal("engagement"),
    sendNodeId: z.string().min(1, { error: NODE_MESSAGES.chooseSend }),
    action: z.enum(["opened", "clicked", "replied"]),
  }),
] as const;
export type TLeafCondition = z.infer<(typeof ZLeafConditions)[number]>;

/** How deep groups may nest: the segment builder's AND-of-ORs-of-ANDs, and no deeper to read. */
export const CONDITION_GROUP_DEPTH = 3;

/**
 * A branch condition: one check, or an AND/OR group of checks and smaller groups, shaped like a
 * segment's groups (`match: "all" | "any"`) so a marketer reads both builders the same way.
 */
export const ZBranchCondition = z.discriminatedUnion(
  "kind",
  [
    ...ZLeafConditions,
    z.strictObject({
      kind: z.literal("group"),
      match: z.enum(["all", "any"], { error: NODE_MESSAGES.match }),
      get conditions(): z.ZodArray<typeof ZBranchCondition> {
        return z
          .array(ZBranchCondition)
          .min(1, { error: NODE_MESSAGES.emptyGroup })
          .max(20, { error: NODE_MESSAGES.groupTooLarge });
      },
    }),
  ],
  { error: NODE_MESSAGES.chooseCondition },
);
export type TBranchCondition = z.infer<typeof ZBranchCondition>;
export type TConditionGroup = Extract<TBranchCondition, { kind: "group" }>;

/** How many groups deep a condition goes: a single check is 0, a flat group 1. */
export function conditionDepth(c: TBranchCondition): number {
  return c.kind === "group" ? 1 + Math.max(0, ...c.conditions.map(conditionDepth)) : 0;
}

/** Every single check inside a condition, with its path from the condition (for per-defect errors). */
export function conditionLeaves(
  c: TBranchCondition,
  path: (string | number)[] = [],
): { leaf: TLeafCondition; path: (string | number)[] }[] {
  if (c.kind !== "group") return [{ leaf: c, path }];
  return c.conditions.flatMap((x, i) => conditionLeaves(x, [...path, "conditions", i]));
}

/**
 * A wait-for-event: the awaited event (equality filters, matched by the durable wait) and, optionally,
 * a condition joined to it by `match`: "all" reads "the event arrives and the condition holds then"
 * (a later arrival is checked again; at the timeout it is met if an arrival came and the condition
 * holds now), "any" reads "the event arrives, or the condition holds at the timeout".
 */
export const ZWaitForEventData = z.strictObject({
  event: ZEventName,
  filters: z.array(ZEqualityFilter).max(20).default([]),
  timeout: ZTimeout,
  match: z.enum(["all", "any"], { error: NODE_MESSAGES.match }).default("all"),
  condition: ZBranchCondition.optional(),
});

const ZHandleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: NODE_MESSAGES.outputId });
const ZPercent = z.number({ error: NODE_MESSAGES.percentage }).min(0).max(100);

export const ZBranchData = z.strictObject({ condition: ZBranchCondition });
export const ZMultiBranchData = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        id: ZHandleId.refine((id) => id !== "else", { error: NODE_MESSAGES.elseReserved }),
        label: z.string().max(100).default(""),
        condition: ZBranchCondition,
      }),
    )
    .min(1, { error: NODE_MESSAGES.oneCase })
    .max(10)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
      error: NODE_MESSAGES.uniqueCases,
    }),
});
export const ZAbSplitData = z.strictObject({
  variants: z
    .array(
      z.strictObject({ id: ZHandleId, label: z.string().max(100).default(""), percent: ZPercent }),
    )
    .min(2, { error: NODE_MESSAGES.splitVariants })
    .max(5, { error: NODE_MESSAGES.splitVariants })
    .refine((vs) => new Set(vs.map((v) => v.id)).size === vs.length, {
      error: NODE_MESSAGES.uniqueVariants,
    }),
});
export const ZHoldoutData = z.strictObject({ percent: ZPercent });
export const ZSendData = z.strictObject({
  channel: z.enum(SEND_CHANNELS),
  templateId: z.string().max(100).default(""),
});
export const ZUpdateContactData = z.strictObject({
  attribute: ZAttributeKey,
  /** `null` removes the attribute. */
  value: z.union([z.string().max(2048), z.number().finite(), z.boolean(), z.null()]),
});
export const ZWebhookData = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: NODE_MESSAGES.httpUrl }),
  method: z.enum(["POST", "PUT", "PATCH", "GET", "DELETE"]).default("POST"),
  /** JSON with Liquid (`{{ contact.email }}`), rendered per contact by the app's effects. */
  body: z.string().max(20_000).default(""),
  headers: z.record(z.string().max(100), z.string().max(2000)).default({}),
});
export const ZExitData = z.strictObject({});

/** Any node may carry `data.name`, the marketer's label for it (lib/journeys/canvas/step-name.ts). */
export const STEP_NAME_MAX = 80;

export const NODE_DATA = {
  trigger: ZTriggerData,
  wait: ZWaitData,
  wait_for_event: ZWaitForEventData,
  branch: ZBranchData,
  multi_branch: ZMultiBranchData,
  ab_split: ZAbSplitData,
  holdout: ZHoldoutData,
  send: ZSendData,
  update_contact: ZUpdateContactData,
  webhook: ZWebhookData,
  exit: ZExitData,
} as const;
export type TNodeKind = keyof typeof NODE_DATA;
export const NODE_KINDS = Object.keys(NODE_DATA) as TNodeKind[];
export type TNodeData<K extends TNodeKind> = z.infer<(typeof NODE_DATA)[K]>;
