import { z } from "zod";
import { SEND_CHANNELS } from "@/lib/channels/types";
import { ZCampaignLimits } from "./campaign-limits";
import { ZCampaignSchedule } from "./schedule/schedule-settings";

export { CAMPAIGN_LIMIT_DEFAULTS, ZCampaignLimits, type TCampaignLimits } from "./campaign-limits";

export const ZTreatment = z.object({
  label: z.string().trim().min(1).max(40),
  templateId: z.uuid(),
  templateVersion: z.number().int().min(1),
  percent: z.number().int().min(1).max(100),
});
export type TTreatment = z.infer<typeof ZTreatment>;

export const ZCampaignInput = z
  .object({
    name: z.string().trim().min(1, "Give the campaign a name").max(120),
    audience: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("segment"), segmentId: z.uuid("Choose a segment") }),
      z.object({ kind: z.literal("everyone") }),
    ]),
    channel: z.enum(SEND_CHANNELS),
    /** One treatment is a plain send; two to five are an A/B test. Percentages sum to 100. */
    treatments: z.array(ZTreatment).min(1, "Choose a template").max(5, "At most 5 treatments"),
    holdoutPercent: z.number().int().min(0).max(50).default(0),
    /** The subscription topic; null or absent: the first template's topic, if any. */
    topicId: z.uuid({ error: "must be a topic id" }).nullable().default(null),
    schedule: ZCampaignSchedule,
    limits: ZCampaignLimits.default({}),
    /**
     * The goal: a contact converts when they perform this event within `windowDays` of their
     * exposure (sent, or held out). The results compare each treatment's rate with the holdout's.
     */
    conversion: z
      .object({
        event: z.string().trim().min(1, "Name the conversion event").max(200),
        windowDays: z.number().int().min(1).max(90).default(7),
      })
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    const total = v.treatments.reduce((s, t) => s + t.percent, 0);
    if (total !== 100)
      ctx.addIssue({
        code: "custom",
        path: ["treatments"],
        message: `Treatment percentages must sum to 100 (they sum to ${total})`,
      });
  });
export type TCampaignInput = z.infer<typeof ZCampaignInput>;
