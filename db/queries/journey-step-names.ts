import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { journeys, journeyVersions } from "@/db/schema";

/**
 * For messages and runs that point at (journey, version): the journey's name and that version's
 * plan steps, from which their published step names are read. One round trip for a page of rows.
 */
export async function listJourneyVersionSteps(
  workspaceId: string,
  journeyIds: string[],
  ex: Executor = db(),
) {
  if (!journeyIds.length) return [];
  return ex
    .select({
      journeyId: journeys.id,
      journeyName: journeys.name,
      version: journeyVersions.version,
      steps: sql<Record<string, unknown> | null>`${journeyVersions.plan}->'steps'`,
    })
    .from(journeys)
    .leftJoin(
      journeyVersions,
      and(
        eq(journeyVersions.journeyId, journeys.id),
        eq(journeyVersions.workspaceId, journeys.workspaceId),
      ),
    )
    .where(and(eq(journeys.workspaceId, workspaceId), inArray(journeys.id, journeyIds)));
}
