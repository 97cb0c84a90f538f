import type { Executor } from "@/db";
import { insertRun, nextOccurrence } from "@/db/queries/campaign-runs";
import { listTreatments } from "@/db/queries/campaigns";
import type { TCampaign, TCampaignRun } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { campaignDefaultsOf, effectiveLimits } from "./campaign-limits";
import { CAMPAIGN_LIMIT_DEFAULTS, ZCampaignLimits, type TTreatment } from "./campaign-settings";
import { checkCampaignReferences } from "./check-campaign-references";

/** A local-time run reaches its last zone this long after its first (UTC+14 to UTC−12). */
export const LOCAL_TIME_SPAN_MS = 26 * 3_600_000;

/**
 * The campaign's treatments, checked again (a template or segment may have changed since it was
 * saved): every field that is wrong is named.
 */
export async function checkedTreatments(c: TCampaign, tx: Executor): Promise<TTreatment[]> {
  const treatments: TTreatment[] = (await listTreatments(c.workspaceId, c.id, tx)).map((t, i) => {
    if (!t.templateId)
      throw new ValidationError({ [`treatments.${i}.templateId`]: "Its template was deleted" });
    return {
      label: t.label,
      templateId: t.templateId,
      templateVersion: t.templateVersion,
      percent: t.percent,
    };
  });
  if (c.audienceKind === "segment" && !c.segmentId)
    throw new ValidationError({ "audience.segmentId": "Choose a segment" });
  await checkCampaignReferences(
    c.workspaceId,
    {
      audience:
        c.audienceKind === "segment"
          ? { kind: "segment", segmentId: c.segmentId! }
          : { kind: "everyone" },
      channel: c.channel,
      treatments,
    },
    tx,
  );
  return treatments;
}

/**
 * One run of a campaign (a launch, or one occurrence of a recurring one), copying what it sends.
 * Unique by (campaign, `scheduledFor`): a second start of the same occurrence returns null and
 * creates nothing. The caller holds the campaign's lock and hands the run to the executor after
 * commit.
 */
export async function createRun(
  c: TCampaign,
  treatments: TTreatment[],
  at: {
    scheduledFor: Date;
    sendLocal?: { date: string; time: string } | null;
    /** Event-triggered: the run opens at once (no snapshot) and each matching event adds a contact. */
    trigger?: Record<string, unknown> | null;
  },
  userId: string | null,
  tx: Executor,
): Promise<TCampaignRun | null> {
  // The workspace's defaults are copied in too: changing them later changes no run under way.
  const limits = effectiveLimits(
    ZCampaignLimits.parse(c.limits),
    await campaignDefaultsOf(c.workspaceId, tx),
  );
  const minutes = limits.maxDurationMinutes ?? CAMPAIGN_LIMIT_DEFAULTS.maxDurationMinutes;
  // A local-time run delivers over the 26 hours its time takes to go round the world, then
  // gets the maximum duration like any run.
  const span = at.sendLocal ? LOCAL_TIME_SPAN_MS : 0;
  return insertRun(
    {
      workspaceId: c.workspaceId,
      campaignId: c.id,
      occurrence: await nextOccurrence(c.id, tx),
      status: at.trigger ? "sending" : "snapshotting",
      trigger: at.trigger ?? null,
      ...(at.trigger ? { snapshotAt: at.scheduledFor, audienceCount: 0 } : {}),
      channel: c.channel,
      audienceKind: c.audienceKind,
      segmentId: c.segmentId,
      treatments,
      holdoutPercent: c.holdoutPercent,
      limits,
      scheduledFor: at.scheduledFor,
      sendLocal: at.sendLocal ?? null,
      // An event-triggered run has no end of its own: each delivery's maximum delay bounds it.
      expiresAt: at.trigger ? null : new Date(at.scheduledFor.getTime() + span + minutes * 60_000),
      startedBy: userId,
    },
    tx,
  );
}
