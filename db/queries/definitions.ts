import { and, asc, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  campaigns,
  campaignTreatments,
  journeys,
  journeyVersions,
  segments,
  templates,
} from "@/db/schema";

/**
 * Everything a definitions file is made of, for one workspace (lib/definitions/): a workspace
 * has hundreds of these, not millions, so the export and the import's name lookup read them all.
 */
export async function listDefinitionRows(workspaceId: string, ex: Executor = db()) {
  const [t, s, j, c, tr] = await Promise.all([
    ex.select().from(templates).where(eq(templates.workspaceId, workspaceId)),
    ex.select().from(segments).where(eq(segments.workspaceId, workspaceId)),
    ex.select().from(journeys).where(eq(journeys.workspaceId, workspaceId)),
    ex.select().from(campaigns).where(eq(campaigns.workspaceId, workspaceId)),
    ex
      .select()
      .from(campaignTreatments)
      .where(eq(campaignTreatments.workspaceId, workspaceId))
      .orderBy(asc(campaignTreatments.position)),
  ]);
  return { templates: t, segments: s, journeys: j, campaigns: c, treatments: tr };
}
export type TDefinitionRows = Awaited<ReturnType<typeof listDefinitionRows>>;

/** Every published graph of one journey, newest first (the diff view picks two). */
export async function listJourneyVersionGraphs(
  workspaceId: string,
  journeyId: string,
  ex: Executor = db(),
) {
  return ex
    .select({ version: journeyVersions.version, graph: journeyVersions.graph })
    .from(journeyVersions)
    .where(
      and(eq(journeyVersions.workspaceId, workspaceId), eq(journeyVersions.journeyId, journeyId)),
    )
    .orderBy(desc(journeyVersions.version));
}
