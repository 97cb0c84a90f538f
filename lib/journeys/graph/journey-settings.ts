import { z } from "zod";
import { ZEqualityFilter, ZTimeOfDay, ZTimeZone } from "./node-data";
import { NODE_MESSAGES } from "./node-messages";

const ZIsoDateTime = z.iso.datetime({
  offset: true,
  error: NODE_MESSAGES.isoDateTime,
});

export const ZEntryRule = z.discriminatedUnion(
  "mode",
  [
    /** A contact enters at most once, ever. */
    z.strictObject({ mode: z.literal("once") }),
    /** Again, but only N days after their previous entry. */
    z.strictObject({
      mode: z.literal("reentry_after"),
      days: z.number().int().min(1, { error: NODE_MESSAGES.atLeastOneDay }).max(3650),
    }),
    /** Whenever they are not inside already. */
    z.strictObject({ mode: z.literal("while_not_inside") }),
  ],
  { error: NODE_MESSAGES.chooseEntryRule },
);
export type TEntryRule = z.infer<typeof ZEntryRule>;

/** Sends wait out these local hours in the contact's zone; without one, this fallback, else the workspace's zone. */
export const ZQuietHours = z
  .strictObject({
    start: ZTimeOfDay,
    end: ZTimeOfDay,
    fallbackTimeZone: ZTimeZone.nullish(),
  })
  .refine((q) => q.start !== q.end, {
    error: NODE_MESSAGES.quietHoursSame,
    path: ["end"],
  });
export type TQuietHours = z.infer<typeof ZQuietHours>;

export const ZJourneySettings = z
  .strictObject({
    entry: ZEntryRule.default({ mode: "once" }),
    startAt: ZIsoDateTime.nullish(),
    endAt: ZIsoDateTime.nullish(),
    quietHours: ZQuietHours.nullish(),
    /** Messages per contact per local day, counted across every journey. */
    frequencyCap: z
      .strictObject({
        maxPerDay: z.number().int().min(1, { error: NODE_MESSAGES.atLeastOne }).max(1000),
      })
      .nullish(),
    goal: z
      .strictObject({
        event: z.string().trim().min(1, { error: NODE_MESSAGES.chooseEvent }).max(200),
        filters: z.array(ZEqualityFilter).max(20).default([]),
        exitOnGoal: z.boolean().default(true),
      })
      .nullish(),
  })
  .refine((s) => !s.startAt || !s.endAt || Date.parse(s.startAt) < Date.parse(s.endAt), {
    error: NODE_MESSAGES.endAfterStart,
    path: ["endAt"],
  });
export type TJourneySettings = z.infer<typeof ZJourneySettings>;

/** Drafts save whatever the settings form holds; publishing parses with ZJourneySettings. */
export const ZDraftJourneySettings = z.record(z.string(), z.unknown()).default({});
