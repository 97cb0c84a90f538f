import {
  finishEntry,
  findJourneyVersionAnyWorkspace,
  recordNodeVisit,
} from "@/db/queries/journeys";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { dbJourneyEffects } from "@/lib/journeys/runtime/db-journey-effects";
import { ZPlan } from "@/lib/journeys/compile/compile-journey";
import { cachePublishedPlans } from "@/lib/journeys/runtime/published-plans";
import { createRunJourney, type TRunJourneyDeps } from "./run-journey";

const publishedPlan = cachePublishedPlans(async (journeyId, version) => {
  const stored = await findJourneyVersionAnyWorkspace(journeyId, version);
  return stored && { plan: ZPlan.parse(stored.plan), workspaceId: stored.workspaceId };
});

/** The journey runner's dependencies on the database: plans from journey_versions, effects over the send pipeline. */
export const runJourneyDeps: TRunJourneyDeps = {
  async loadJourney({ journeyId, version }) {
    const stored = await publishedPlan(journeyId, version);
    if (!stored) throw new Error(`journey ${journeyId} has no version ${version}`);
    // The workspace's zone may change while runs wait: read each time.
    const workspace = await findWorkspaceById(stored.workspaceId);
    return { ...stored, defaultTimeZone: workspace?.timezone ?? "UTC" };
  },
  effectsFor: ({ workspaceId }) => dbJourneyEffects(workspaceId),
  recordProgress: (entryId, entry, next) =>
    recordNodeVisit(entryId, entry.nodeId, entry.outcome, next),
  finishEntry: (entryId, result) =>
    finishEntry(entryId, { reason: result.exit.reason, converted: result.converted }),
};

/** The journey runner bound to the database. */
export const runJourney = createRunJourney(runJourneyDeps);
