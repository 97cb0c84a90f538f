import { db } from "@/db";
import { dropUnsent } from "@/db/queries/campaign-deliveries";
import { listOpenRuns, transitionRun } from "@/db/queries/campaign-runs";
import { lockCampaign, setCampaignState } from "@/db/queries/campaigns";
import type { TCampaignRun, TCampaignState } from "@/db/schema";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { nextOccurrence, recurrenceZone } from "./schedule/next-occurrence";
import { scheduleOf } from "./schedule/schedule-settings";

export const CAMPAIGN_ACTIONS = ["pause", "resume", "cancel"] as const;
export type TCampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const ALLOWED: Record<TCampaignAction, { from: TCampaignState[]; to: TCampaignState }> = {
  pause: { from: ["running", "scheduled"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["running", "scheduled", "paused"], to: "cancelled" },
};

/**
 * Pauses, resumes or cancels a campaign and its open runs in one transaction. Workers read the
 * run's status before each batch, so a pause takes effect after the batch in flight. Returns the
 * runs a resume must hand back to the executor (`campaign/run.resumed`).
 */
export async function controlCampaign(
  workspaceId: string,
  campaignId: string,
  action: TCampaignAction,
  userId: string | null,
): Promise<{ state: TCampaignState; resumed: TCampaignRun[] }> {
  return db().transaction(async (tx) => {
    const c = await lockCampaign(workspaceId, campaignId, tx);
    if (!c) throw new NotFoundError("No such campaign");
    const rule = ALLOWED[action];
    if (!rule.from.includes(c.state))
      throw new ConflictError(
        `A ${c.state} campaign cannot be ${action === "cancel" ? "cancelled" : `${action}d`}`,
        undefined,
        { code: "campaign_state", values: { action, state: c.state } },
      );
    const resumed: TCampaignRun[] = [];
    for (const run of await listOpenRuns(workspaceId, campaignId, tx)) {
      if (action === "pause")
        await transitionRun(run.id, ["snapshotting", "sending"], "paused", {}, tx);
      else if (action === "cancel") {
        await transitionRun(
          run.id,
          ["snapshotting", "sending", "paused"],
          "cancelled",
          { finishedAt: new Date() },
          tx,
        );
        // Nothing will drain a cancelled run: what it still queued is settled as cancelled (and
        // counted), not left queued forever.
        await dropUnsent(run.id, "cancelled", tx);
      } else {
        // A run paused before its snapshot takes it when resumed.
        const back = await transitionRun(
          run.id,
          ["paused"],
          run.snapshotAt ? "sending" : "snapshotting",
          {},
          tx,
        );
        if (back) resumed.push(back);
      }
    }
    const now = new Date();
    let to: TCampaignState =
      action === "resume" && c.nextRunAt && c.nextRunAt > now ? "scheduled" : rule.to;
    let nextRunAt: Date | null | undefined = action === "cancel" ? null : undefined;
    const schedule = scheduleOf(c.scheduleKind, c.scheduleSettings);
    if (action === "resume" && schedule?.kind === "recurring") {
      // Occurrences that came while paused were skipped: it waits for the next one from now.
      const ws = await findWorkspaceById(workspaceId, tx);
      nextRunAt = nextOccurrence(
        schedule.recurrence,
        recurrenceZone(schedule.recurrence, ws?.timezone ?? "UTC"),
        now,
      );
      to = resumed.length ? "running" : nextRunAt ? "scheduled" : "completed";
    }
    await setCampaignState(
      workspaceId,
      campaignId,
      to,
      userId,
      nextRunAt === undefined ? {} : { nextRunAt },
      tx,
    );
    return { state: to, resumed };
  });
}
