import { z } from "zod";
import { ZPropertyFilter } from "@/lib/segments/definition";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM");
const DAY = z.iso.date("Use YYYY-MM-DD");

export const RECURRENCE_FREQUENCIES = ["hourly", "daily", "weekly", "monthly"] as const;

/**
 * A repeating schedule, read in the workspace's zone, or with `localTime` in each contact's own
 * zone (every occurrence is then a local-time run). The audience is taken again at each one.
 */
export const ZRecurrence = z
  .object({
    frequency: z.enum(RECURRENCE_FREQUENCIES),
    /** Local time of day; for `hourly` only its minutes count (every hour at :MM). */
    time: HHMM,
    /** `weekly`: the days it runs, 0 = Sunday … 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
    /** `monthly`: the day of the month; 29–31 fall on the last day of shorter months. */
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    /** First local day it may run on, and the last (inclusive; none = until stopped). */
    startDate: DAY,
    endDate: DAY.optional(),
    localTime: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.frequency === "weekly" && !r.weekdays?.length)
      ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Choose at least one day" });
    if (r.frequency === "monthly" && r.dayOfMonth === undefined)
      ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: "Choose a day of the month" });
    if (r.endDate && r.endDate < r.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "End on or after the start" });
  });
export type TRecurrence = z.infer<typeof ZRecurrence>;

/**
 * An event-triggered campaign (Pinpoint's EVENT campaigns): from launch until `endAt`, each event
 * of that name whose properties pass every filter sends the message to its contact, if they are
 * in the audience, once per contact per launch. An event older than `maxDelayMinutes` when it
 * arrives (a late batch) is dropped and counted as expired.
 */
export const ZEventTrigger = z.object({
  kind: z.literal("event"),
  event: z.string().trim().min(1, "Name the event").max(200),
  filters: z.array(ZPropertyFilter).max(20).default([]),
  maxDelayMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 7)
    .default(60),
  endAt: z.iso.datetime({ offset: true }).optional(),
});
export type TEventTrigger = z.infer<typeof ZEventTrigger>;

/**
 * When a campaign sends: now; at an instant; at a local date and time in each contact's zone
 * (contacts without one use the workspace's); recurring; or when a contact performs an event.
 */
export const ZCampaignSchedule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("now") }),
  z.object({ kind: z.literal("at"), sendAt: z.iso.datetime({ offset: true }) }),
  z.object({ kind: z.literal("local_time"), date: DAY, time: HHMM }),
  z.object({ kind: z.literal("recurring"), recurrence: ZRecurrence }),
  ZEventTrigger,
]);
export type TCampaignSchedule = z.infer<typeof ZCampaignSchedule>;

/** The settings a schedule stores beside its kind (`campaigns.schedule_settings`). */
export function scheduleSettingsOf(s: TCampaignSchedule): Record<string, unknown> {
  const { kind: _kind, ...rest } = s;
  return rest;
}

/** The schedule a campaign row holds; null when its settings no longer parse. */
export function scheduleOf(kind: string, settings: Record<string, unknown>) {
  const parsed = ZCampaignSchedule.safeParse({ ...settings, kind });
  return parsed.success ? parsed.data : null;
}
