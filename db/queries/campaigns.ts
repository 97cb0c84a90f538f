import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  campaignRuns,
  campaigns,
  campaignTreatments,
  segments,
  type TCampaign,
  type TCampaignState,
} from "@/db/schema";

export type TNewCampaign = typeof campaigns.$inferInsert;
export type TTreatmentRow = {
  label: string;
  templateId: string;
  templateVersion: number;
  percent: number;
};

export async function insertCampaign(
  values: TNewCampaign,
  treatments: TTreatmentRow[],
  ex: Executor = db(),
): Promise<TCampaign> {
  const [row] = await ex.insert(campaigns).values(values).returning();
  await replaceTreatments(row!.workspaceId, row!.id, treatments, ex);
  return row!;
}

export async function updateCampaign(
  workspaceId: string,
  campaignId: string,
  patch: Partial<TNewCampaign>,
  treatments: TTreatmentRow[] | null,
  ex: Executor = db(),
): Promise<TCampaign | null> {
  const [row] = await ex
    .update(campaigns)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)))
    .returning();
  if (row && treatments) await replaceTreatments(workspaceId, campaignId, treatments, ex);
  return row ?? null;
}

async function replaceTreatments(
  workspaceId: string,
  campaignId: string,
  treatments: TTreatmentRow[],
  ex: Executor,
) {
  await ex
    .delete(campaignTreatments)
    .where(
      and(
        eq(campaignTreatments.workspaceId, workspaceId),
        eq(campaignTreatments.campaignId, campaignId),
      ),
    );
  if (treatments.length)
    await ex
      .insert(campaignTreatments)
      .values(treatments.map((t, position) => ({ ...t, position, workspaceId, campaignId })));
}

export async function findCampaign(workspaceId: string, campaignId: string, ex: Executor = db()) {
  const [row] = await ex
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
  return row ?? null;
}

/** The campaign row locked for a state change, so launch, pause and cancel take turns. */
export async function lockCampaign(workspaceId: string, campaignId: string, tx: Executor) {
  const [row] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)))
    .for("update");
  return row ?? null;
}

export async function listTreatments(workspaceId: string, campaignId: string, ex: Executor = db()) {
  return ex
    .select()
    .from(campaignTreatments)
    .where(
      and(
        eq(campaignTreatments.workspaceId, workspaceId),
        eq(campaignTreatments.campaignId, campaignId),
      ),
    )
    .orderBy(asc(campaignTreatments.position));
}

export async function setCampaignState(
  workspaceId: string,
  campaignId: string,
  state: TCampaignState,
  by: string | null,
  extra: Partial<Pick<TCampaign, "nextRunAt">> = {},
  ex: Executor = db(),
) {
  await ex
    .update(campaigns)
    .set({ state, stateChangedAt: new Date(), stateChangedBy: by, ...extra })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
}

/** Moves a recurring campaign's next occurrence (its state and who changed it stay as they are). */
export async function setNextRunAt(
  workspaceId: string,
  campaignId: string,
  nextRunAt: Date | null,
  ex: Executor = db(),
) {
  await ex
    .update(campaigns)
    .set({ nextRunAt })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
}

/** The list page: each campaign with its segment's name and its latest run's status. */
export async function listCampaigns(workspaceId: string, ex: Executor = db()) {
  const latest = ex
    .selectDistinctOn([campaignRuns.campaignId], {
      campaignId: campaignRuns.campaignId,
      runId: campaignRuns.id,
      runStatus: campaignRuns.status,
      audienceCount: campaignRuns.audienceCount,
      runCreatedAt: campaignRuns.createdAt,
    })
    .from(campaignRuns)
    .where(eq(campaignRuns.workspaceId, workspaceId))
    .orderBy(campaignRuns.campaignId, desc(campaignRuns.occurrence))
    .as("latest");
  return ex
    .select({
      id: campaigns.id,
      name: campaigns.name,
      channel: campaigns.channel,
      state: campaigns.state,
      stateChangedAt: campaigns.stateChangedAt,
      audienceKind: campaigns.audienceKind,
      segmentName: segments.name,
      nextRunAt: campaigns.nextRunAt,
      latestRunId: latest.runId,
      latestRunStatus: latest.runStatus,
      latestAudienceCount: latest.audienceCount,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .leftJoin(segments, eq(segments.id, campaigns.segmentId))
    .leftJoin(latest, eq(latest.campaignId, campaigns.id))
    .where(eq(campaigns.workspaceId, workspaceId))
    .orderBy(desc(campaigns.updatedAt));
}

/**
 * Recurring campaigns whose next occurrence has come (any workspace): the scheduler's sweep reads
 * these. Running ones too (an hourly run may still be sending when the next hour comes); paused
 * ones skip their occurrences. One-off schedules are not here: their run sleeps until its time.
 */
export async function findDueCampaignsAnyWorkspace(
  now: Date,
  opts: { limit?: number; campaignId?: string } = {},
  ex: Executor = db(),
) {
  return ex
    .select({ id: campaigns.id, workspaceId: campaigns.workspaceId })
    .from(campaigns)
    .where(
      and(
        opts.campaignId ? eq(campaigns.id, opts.campaignId) : undefined,
        eq(campaigns.scheduleKind, "recurring"),
        sql`${campaigns.state} in ('scheduled', 'running')`,
        sql`${campaigns.nextRunAt} <= ${now.toISOString()}`,
      ),
    )
    .orderBy(campaigns.nextRunAt)
    .limit(opts.limit ?? 100);
}
