import { db } from "@/db";
import { findCampaign, insertCampaign, lockCampaign, updateCampaign } from "@/db/queries/campaigns";
import type { TCampaign, TCampaignRun } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from "@/lib/errors";
import { ZCampaignInput, type TCampaignInput } from "./campaign-settings";
import { checkCampaignReferences } from "./check-campaign-references";
import { launchCampaignIn } from "./launch-campaign";
import { scheduleSettingsOf } from "./schedule/schedule-settings";

const nameTaken = (name: string) =>
  new ConflictError(
    `A campaign named "${name}" already exists`,
    { name: `A campaign named "${name}" already exists` },
    { code: "name_taken", values: { name } },
  );

/** The zod errors of a body as `{ field.path: message }`. */
export function parseCampaignInput(body: unknown): TCampaignInput {
  const parsed = ZCampaignInput.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  throw new ValidationError(fields);
}

export function columnsOf(input: TCampaignInput) {
  const first = input.treatments[0]!;
  return {
    name: input.name,
    audienceKind: input.audience.kind,
    segmentId: input.audience.kind === "segment" ? input.audience.segmentId : null,
    channel: input.channel,
    templateId: first.templateId,
    templateVersion: first.templateVersion,
    holdoutPercent: input.holdoutPercent,
    topicId: input.topicId,
    scheduleKind: input.schedule.kind,
    scheduleSettings: scheduleSettingsOf(input.schedule),
    limits: input.limits,
    conversion: input.conversion,
  };
}

/** A new draft campaign, checked in full (schema, then references) before anything is written. */
export async function createCampaign(
  workspaceId: string,
  userId: string | null,
  body: unknown,
): Promise<TCampaign> {
  return (await createCampaignAndLaunch(workspaceId, userId, body, false)).campaign;
}

/**
 * A new campaign, launched in the same transaction when `launch` is set ("Save and send now"): a
 * launch that fails (a time in the past) leaves no draft behind, so trying again does not find the
 * name taken.
 */
export async function createCampaignAndLaunch(
  workspaceId: string,
  userId: string | null,
  body: unknown,
  launch: boolean,
  now = new Date(),
): Promise<{ campaign: TCampaign; run: TCampaignRun | null }> {
  const input = parseCampaignInput(body);
  await checkCampaignReferences(workspaceId, input);
  try {
    return await db().transaction(async (tx) => {
      const draft = await insertCampaign(
        { ...columnsOf(input), workspaceId, createdBy: userId, stateChangedBy: userId },
        input.treatments,
        tx,
      );
      if (!launch) return { campaign: draft, run: null };
      const run = await launchCampaignIn(workspaceId, draft.id, userId, now, tx);
      return { campaign: (await findCampaign(workspaceId, draft.id, tx))!, run };
    });
  } catch (err) {
    if (isUniqueViolation(err, "campaigns_workspace_name_key")) throw nameTaken(input.name);
    throw err;
  }
}

/** Edits a campaign that has not been launched (draft), or a scheduled one before it starts. */
export async function editCampaign(
  workspaceId: string,
  campaignId: string,
  body: unknown,
): Promise<TCampaign> {
  const input = parseCampaignInput(body);
  await checkCampaignReferences(workspaceId, input);
  try {
    return await db().transaction(async (tx) => {
      const current = await lockCampaign(workspaceId, campaignId, tx);
      if (!current) throw new NotFoundError("No such campaign");
      if (current.state !== "draft")
        throw new ConflictError(`A ${current.state} campaign cannot be edited`, undefined, {
          code: "campaign_state",
          values: { action: "edit", state: current.state },
        });
      return (await updateCampaign(
        workspaceId,
        campaignId,
        columnsOf(input),
        input.treatments,
        tx,
      ))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, "campaigns_workspace_name_key")) throw nameTaken(input.name);
    throw err;
  }
}

export async function findCampaignOrThrow(workspaceId: string, campaignId: string) {
  const c = await findCampaign(workspaceId, campaignId);
  if (!c) throw new NotFoundError("No such campaign");
  return c;
}
