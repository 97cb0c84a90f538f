import { db, type Executor } from "@/db";
import { lockCampaign, setCampaignState } from "@/db/queries/campaigns";
import { findWorkspaceById } from "@/db/queries/workspaces";
import type { TCampaignRun } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { checkedTreatments, createRun } from "./create-run";
import { forgetListeningRuns } from "./event-trigger/listening-runs";
import { localTimeWindow, nextOccurrence, recurrenceZone } from "./schedule/next-occurrence";
import { scheduleOf } from "./schedule/schedule-settings";

/**
 * Launches a draft campaign: checks it again (a template or segment may have changed since it was
 * saved), then either creates its run (now, at a time, at a local time: the run sleeps until its
 * start) or, for a recurring one, sets its first occurrence for the scheduler. Returns the run
 * the caller hands to the executor (`campaign/run.started`) after this commits, or null.
 */
export async function launchCampaign(
  workspaceId: string,
  campaignId: string,
  userId: string | null,
  now = new Date(),
): Promise<TCampaignRun | null> {
  return db().transaction((tx) => launchCampaignIn(workspaceId, campaignId, userId, now, tx));
}

/** `launchCampaign` inside the caller's transaction (save-and-launch is one transaction). */
export async function launchCampaignIn(
  workspaceId: string,
  campaignId: string,
  userId: string | null,
  now: Date,
  tx: Executor,
): Promise<TCampaignRun | null> {
  const c = await lockCampaign(workspaceId, campaignId, tx);
  if (!c) throw new NotFoundError("No such campaign");
  if (c.state !== "draft")
    throw new ConflictError(`A ${c.state} campaign cannot be launched`, undefined, {
      code: "campaign_state",
      values: { action: "launch", state: c.state },
    });
  const treatments = await checkedTreatments(c, tx);
  const schedule = scheduleOf(c.scheduleKind, c.scheduleSettings);
  if (!schedule) throw new ValidationError({ schedule: "Choose when to send it" });

  if (schedule.kind === "recurring") {
    const ws = await findWorkspaceById(workspaceId, tx);
    const zone = recurrenceZone(schedule.recurrence, ws?.timezone ?? "UTC");
    const first = nextOccurrence(schedule.recurrence, zone, now);
    if (!first)
      throw new ValidationError({ "schedule.recurrence.endDate": "It ends before it would run" });
    await setCampaignState(workspaceId, campaignId, "scheduled", userId, { nextRunAt: first }, tx);
    return null;
  }

  if (schedule.kind === "event") {
    if (schedule.endAt && new Date(schedule.endAt) <= now)
      throw new ValidationError({ "schedule.endAt": "Choose an end in the future" });
    const { kind: _kind, ...trigger } = schedule;
    const run = await createRun(c, treatments, { scheduledFor: now, trigger }, userId, tx);
    if (!run) throw runExists();
    await setCampaignState(workspaceId, campaignId, "running", userId, { nextRunAt: null }, tx);
    // This process's event router sees the new campaign at once (others within a couple of seconds).
    forgetListeningRuns(workspaceId);
    return run;
  }

  let startAt = now;
  let sendLocal: { date: string; time: string } | null = null;
  if (schedule.kind === "at") {
    const sendAt = new Date(schedule.sendAt);
    if (sendAt <= now)
      throw new ValidationError({ "schedule.sendAt": "Choose a time in the future" });
    startAt = sendAt;
  } else if (schedule.kind === "local_time") {
    const window = localTimeWindow(schedule.date, schedule.time);
    // Past in every zone: nobody could get it on that day.
    if (window.last <= now)
      throw new ValidationError({ "schedule.date": "Choose a time in the future" });
    if (window.first > now) startAt = window.first;
    sendLocal = { date: schedule.date, time: schedule.time };
  }
  const run = await createRun(c, treatments, { scheduledFor: startAt, sendLocal }, userId, tx);
  if (!run) throw runExists();
  await setCampaignState(
    workspaceId,
    campaignId,
    startAt > now ? "scheduled" : "running",
    userId,
    { nextRunAt: startAt > now ? startAt : null },
    tx,
  );
  return run;
}

const runExists = () =>
  new ConflictError("This campaign already has a run at that time", undefined, {
    code: "campaign_run_exists",
  });
