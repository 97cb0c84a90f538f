import { db } from "@/db";
import { insertRun, nextOccurrence } from "@/db/queries/campaign-runs";
import { listTreatments, lockCampaign, setCampaignState } from "@/db/queries/campaigns";
import type { TCampaignRun } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { CAMPAIGN_LIMIT_DEFAULTS, ZCampaignLimits, type TTreatment } from "./campaign-settings";
import { checkCampaignReferences } from "./check-campaign-references";

/**
 * Launches a draft campaign: checks it again (a template or segment may have changed since it was
 * saved), then creates its first run, which copies the treatments, holdout, channel and limits.
 * The caller hands the run to the executor (`campaign/run.started`) after this commits.
 */
export async function launchCampaign(
  workspaceId: string,
  campaignId: string,
  userId: string | null,
  now = new Date(),
): Promise<TCampaignRun> {
  return db().transaction(async (tx) => {
    const c = await lockCampaign(workspaceId, campaignId, tx);
    if (!c) throw new NotFoundError("No such campaign");
    if (c.state !== "draft") throw new ConflictError(`A ${c.state} campaign cannot be launched`);
    const treatments: TTreatment[] = (await listTreatments(workspaceId, campaignId, tx)).map(
      (t, i) => {
        if (!t.templateId)
          throw new ValidationError({ [`treatments.${i}.templateId`]: "Its template was deleted" });
        return {
          label: t.label,
          templateId: t.templateId,
          templateVersion: t.templateVersion,
          percent: t.percent,
        };
      },
    );
    if (c.audienceKind === "segment" && !c.segmentId)
      throw new ValidationError({ "audience.segmentId": "Choose a segment" });
    await checkCampaignReferences(
      workspaceId,
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
    let startAt = now;
    if (c.scheduleKind === "at") {
      const sendAt = new Date(String(c.scheduleSettings.sendAt ?? ""));
      if (Number.isNaN(sendAt.getTime()) || sendAt <= now)
        throw new ValidationError({ "schedule.sendAt": "Choose a time in the future" });
      startAt = sendAt;
    }
    const limits = ZCampaignLimits.parse(c.limits);
    const minutes = limits.maxDurationMinutes ?? CAMPAIGN_LIMIT_DEFAULTS.maxDurationMinutes;
    const run = await insertRun(
      {
        workspaceId,
        campaignId,
        occurrence: await nextOccurrence(campaignId, tx),
        status: "snapshotting",
        channel: c.channel,
        audienceKind: c.audienceKind,
        segmentId: c.segmentId,
        treatments,
        holdoutPercent: c.holdoutPercent,
        limits,
        scheduledFor: startAt,
        expiresAt: new Date(startAt.getTime() + minutes * 60_000),
        startedBy: userId,
      },
      tx,
    );
    await setCampaignState(
      workspaceId,
      campaignId,
      startAt > now ? "scheduled" : "running",
      userId,
      { nextRunAt: startAt > now ? startAt : null },
      tx,
    );
    return run;
  });
}
