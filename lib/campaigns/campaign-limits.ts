import { z } from "zod";
import type { Executor } from "@/db";
import { findCampaignDefaults, saveCampaignDefaults } from "@/db/queries/campaign-defaults";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM");

/**
 * Campaign limits. A campaign's own `limits` override the workspace's defaults (Settings →
 * Campaigns) field by field; a field set in neither takes CAMPAIGN_LIMIT_DEFAULTS or is off.
 */
export const ZCampaignLimits = z.object({
  /** Messages per second for this campaign, shared by every worker (a token bucket in Postgres). */
  messagesPerSecond: z.number().int().min(1).max(20_000).optional(),
  /** At most this many marketing messages (campaigns and journeys) to one contact in 24 hours. */
  dailyCapPerContact: z.number().int().min(1).max(100).optional(),
  /** At most this many messages from this campaign to one contact, over all its runs. */
  totalCapPerContact: z.number().int().min(1).max(1000).optional(),
  /** Contacts whose local time (their zone, else the workspace's) is inside the window are skipped. */
  quietHours: z.object({ start: HHMM, end: HHMM }).optional(),
  /** Deliveries still queued this long after the run started are dropped as `expired`. */
  maxDurationMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 7)
    .optional(),
});
export type TCampaignLimits = z.infer<typeof ZCampaignLimits>;

/** What applies when neither the campaign nor the workspace says. */
export const CAMPAIGN_LIMIT_DEFAULTS = {
  messagesPerSecond: 1000,
  maxDurationMinutes: 60 * 24,
} as const;

/** The workspace's defaults as Settings saves them: the same fields, strict (a typo is a 400). */
export const ZCampaignDefaults = ZCampaignLimits.strict();

/** The limits a run copies: the campaign's own, over the workspace's defaults. */
export function effectiveLimits(
  campaign: TCampaignLimits,
  workspace: TCampaignLimits,
): TCampaignLimits {
  const merged: TCampaignLimits = { ...workspace };
  for (const [k, v] of Object.entries(campaign))
    if (v !== undefined) Object.assign(merged, { [k]: v });
  return merged;
}

/** A workspace's default limits (empty when it saved none). */
export async function campaignDefaultsOf(
  workspaceId: string,
  ex?: Executor,
): Promise<TCampaignLimits> {
  const row = await findCampaignDefaults(workspaceId, ex);
  const parsed = ZCampaignLimits.safeParse(row?.limits ?? {});
  return parsed.success ? parsed.data : {};
}

export async function updateCampaignDefaults(
  workspaceId: string,
  input: unknown,
): Promise<TCampaignLimits> {
  const limits = ZCampaignDefaults.parse(input);
  await saveCampaignDefaults(workspaceId, limits);
  return limits;
}
