import { db } from "@/db";
import {
  findDueCampaignsAnyWorkspace,
  lockCampaign,
  setCampaignState,
  setNextRunAt,
} from "@/db/queries/campaigns";
import { listEndedListeningRunIds } from "@/db/queries/campaign-triggered";
import { findWorkspaceById } from "@/db/queries/workspaces";
import type { TCampaignRun } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { checkedTreatments, createRun } from "../create-run";
import { finishRunIfDone } from "../delivery/finish-run";
import { nextOccurrence, occurrenceDay, recurrenceZone } from "./next-occurrence";
import { scheduleOf } from "./schedule-settings";

export type TDueRunsResult = {
  /** Runs created, for the caller to hand to the executor. */
  started: TCampaignRun[];
  /** Campaigns that could not run (a template or segment gone): failed, with the reason. */
  failed: { campaignId: string; reason: string }[];
};

/**
 * The scheduler's sweep (every minute): for each recurring campaign whose next occurrence has
 * come, creates that occurrence's run and moves `nextRunAt` to the first occurrence after `now`
 * (occurrences missed while the app was down are not caught up one by one: the due one runs, and
 * its maximum duration drops what is too late). Idempotent: each campaign is handled under its
 * row lock with its due time checked again, and a run is unique by (campaign, occurrence), so two
 * sweeps at once start one run.
 */
export async function startDueRuns(
  now: Date,
  /** Only this campaign (the demo seed replays a campaign's past occurrences). */
  only?: { campaignId: string },
): Promise<TDueRunsResult> {
  const result: TDueRunsResult = { started: [], failed: [] };
  // Event-triggered campaigns past their end stop listening: their run completes once what it
  // queued is settled (the drain's last worker completes it otherwise), and the campaign with it.
  if (!only) for (const runId of await listEndedListeningRunIds(now)) await finishRunIfDone(runId);
  for (const due of await findDueCampaignsAnyWorkspace(now, { campaignId: only?.campaignId })) {
    try {
      const run = await db().transaction(async (tx) => {
        const c = await lockCampaign(due.workspaceId, due.id, tx);
        if (!c || !["scheduled", "running"].includes(c.state)) return null;
        if (!c.nextRunAt || c.nextRunAt > now) return null;
        const schedule = scheduleOf(c.scheduleKind, c.scheduleSettings);
        if (schedule?.kind !== "recurring") return null;
        const ws = await findWorkspaceById(c.workspaceId, tx);
        const zone = recurrenceZone(schedule.recurrence, ws?.timezone ?? "UTC");
        const occurrence = c.nextRunAt;
        const treatments = await checkedTreatments(c, tx);
        const run = await createRun(
          c,
          treatments,
          {
            scheduledFor: occurrence,
            sendLocal: schedule.recurrence.localTime
              ? { date: occurrenceDay(occurrence, zone), time: schedule.recurrence.time }
              : null,
          },
          null,
          tx,
        );
        const next = nextOccurrence(schedule.recurrence, zone, now);
        await setNextRunAt(c.workspaceId, c.id, next, tx);
        return run;
      });
      if (run) result.started.push(run);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      // A template or segment that went away: the campaign stops with the reason, visible on its page.
      const reason = Object.values(err.fields ?? {}).join("; ") || err.message;
      await db().transaction(async (tx) => {
        const c = await lockCampaign(due.workspaceId, due.id, tx);
        if (c) await setCampaignState(c.workspaceId, c.id, "failed", null, { nextRunAt: null }, tx);
      });
      result.failed.push({ campaignId: due.id, reason });
    }
  }
  return result;
}
