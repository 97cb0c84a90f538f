import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { db, type Executor } from "@/db";
import {
  cancelActiveEntries,
  deleteJourney,
  draftGraphMatchesVersion,
  findWorkspaceJourneyVersion,
  insertJourney,
  insertJourneyVersion,
  lockJourney,
  updateJourney,
} from "@/db/queries/journeys";
import { listSegmentRefs, lockSegmentsShared } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  isUniqueViolation,
} from "@/lib/errors";
import { emitJourneyEvents } from "@/lib/journeys/runtime/journey-events";
import { forgetRunningJourneys } from "@/lib/journeys/runtime/running-journeys";
import { sweepJourneyTriggers } from "@/lib/journeys/triggers/sweep-journey-triggers";
import type { TLocale } from "@/lib/i18n/locales";
import { zodErrorMap } from "@/lib/i18n/zod-errors";
import { zodFields } from "@/lib/validation/zod-fields";
import { graphReferences } from "../graph/graph-references";
import { compileJourney } from "../compile/compile-journey";
import { nameJourneySteps } from "../canvas/step-name";
import { ZDraftGraph } from "../graph/graph-schema";
import {
  ZDraftJourneySettings,
  ZJourneySettings,
  type TJourneySettings,
} from "../graph/journey-settings";
import { validateGraph, type TGraphError } from "../graph/validate-graph";

export const ZCreateJourney = z.object({ name: z.string().trim().min(1, "Required").max(120) });
export const ZSaveJourney = z.object({
  name: z.string().trim().min(1, "Required").max(120).optional(),
  graph: ZDraftGraph.optional(),
  settings: ZDraftJourneySettings.optional(),
});

/** A publish refused for the graph: 400 with every defect, each pointing at its nodes. */
export class InvalidGraphError extends AppError {
  constructor(readonly errors: TGraphError[]) {
    super(400, "invalid_graph", errors[0]?.message ?? "The journey has errors", undefined, {
      errors,
    });
  }
}

/** 409: the name is fine, another journey of the workspace has it (journeys_workspace_name_key). */
const nameTaken = (name: string) => {
  const message = `A journey named "${name}" already exists in this workspace`;
  return new ConflictError(message, { name: message }, { code: "name_taken", values: { name } });
};
const STARTER_GRAPH = {
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { kind: "event", event: "", filters: [] },
    },
  ],
  edges: [],
};

export async function createJourney(
  workspaceId: string,
  userId: string,
  input: z.infer<typeof ZCreateJourney>,
) {
  try {
    return await insertJourney({
      workspaceId,
      name: input.name,
      draftGraph: STARTER_GRAPH,
      draftSettings: { entry: { mode: "once" } },
      createdBy: userId,
    });
  } catch (err) {
    if (isUniqueViolation(err, "journeys_workspace_name_key")) throw nameTaken(input.name);
    throw err;
  }
}

/** Autosave: any half-drawn graph is kept; a live journey keeps running its published version. */
export async function saveJourneyDraft(
  workspaceId: string,
  journeyId: string,
  input: z.infer<typeof ZSaveJourney>,
) {
  try {
    const row = await updateJourney(workspaceId, journeyId, {
      name: input.name,
      draftGraph: input.graph,
      draftSettings: input.settings,
    });
    if (!row) throw new NotFoundError("No such journey in this workspace");
    return row;
  } catch (err) {
    if (isUniqueViolation(err, "journeys_workspace_name_key") && input.name)
      throw nameTaken(input.name);
    throw err;
  }
}

export const ZRestoreVersion = z.object({
  version: z.number({ error: "must be a version number" }).int().positive(),
});

/**
 * Copies a published version's graph and settings into the draft: restoring a version brings back
 * what ran (entry rules, quiet hours, cap and goal belong to it as much as its steps). The canvas
 * can undo the graph like any edit; the settings form shows the restored settings.
 */
export async function restoreJourneyVersion(
  workspaceId: string,
  journeyId: string,
  version: number,
) {
  return db().transaction(async (tx) => {
    const journey = await lockJourney(workspaceId, journeyId, tx);
    if (!journey) throw new NotFoundError("No such journey in this workspace");
    const found = await findWorkspaceJourneyVersion(workspaceId, journeyId, version, tx);
    if (!found) throw new NotFoundError(`This journey has no version ${version}`);
    await updateJourney(
      workspaceId,
      journeyId,
      { draftGraph: found.graph, draftSettings: found.settings },
      tx,
    );
    return { version, graph: found.graph, settings: found.settings };
  });
}

/**
 * Validates the draft strictly, compiles it and stores an immutable version that new entries run;
 * contacts already inside stay on the version they entered with.
 */
export async function publishJourney(
  workspaceId: string,
  journeyId: string,
  userId: string,
  /** `locale`: the caller's UI language, for zod's own messages in the defects. */
  opts: { enterNow?: boolean; locale?: TLocale } = {},
) {
  const [templates, segments] = await Promise.all([
    listTemplates(workspaceId),
    listSegmentRefs(workspaceId),
  ]);
  const published = await db()
    .transaction(async (tx) => {
      const journey = await lockJourney(workspaceId, journeyId, tx);
      if (!journey) throw new NotFoundError("No such journey in this workspace");
      if (journey.status === "stopped")
        throw new ConflictError(
          "A stopped journey cannot be published again: duplicate it instead",
          undefined,
          { code: "journey_stopped" },
        );
      const settings = ZJourneySettings.safeParse(journey.draftSettings);
      if (!settings.success) throw new ValidationError(zodFields(settings.error, "settings"));
      // Segments the graph names stay put until this publish commits (a concurrent delete waits, then sees the journey).
      const { segmentIds } = graphReferences(journey.draftGraph);
      const named = segments.filter((s) => segmentIds.includes(s.id)).map((s) => s.id);
      const locked = new Set(await lockSegmentsShared(workspaceId, named, tx));
      const checked = validateGraph(journey.draftGraph, {
        template: (id) => templates.find((t) => t.id === id && t.publishedVersion > 0),
        segmentExists: (id) => locked.has(id),
        zodErrors: opts.locale && opts.locale !== "en" ? zodErrorMap(opts.locale) : undefined,
      });
      if (!checked.ok) throw new InvalidGraphError(checked.errors);
      // Moving nodes or tidying the layout of a live journey is not a change to what it does: the
      // live version stays, no new version is made and no one is entered again.
      if (
        journey.liveVersion > 0 &&
        (await liveVersionSays(workspaceId, journeyId, journey.liveVersion, settings.data, tx))
      )
        return { version: journey.liveVersion, unchanged: true };
      const version = journey.liveVersion + 1;
      const plan = compileJourney(
        checked.graph,
        settings.data,
        nameJourneySteps(journey.draftGraph, {
          template: (id) => templates.find((t) => t.id === id),
          segment: (id) => segments.find((s) => s.id === id)?.name,
        }),
      );
      await insertJourneyVersion(
        {
          journeyId,
          version,
          workspaceId,
          graph: journey.draftGraph,
          settings: settings.data,
          plan,
          publishedBy: userId,
        },
        tx,
      );
      await updateJourney(
        workspaceId,
        journeyId,
        { liveVersion: version, status: journey.status === "paused" ? "paused" : "live" },
        tx,
      );
      return { version, unchanged: false };
    })
    .finally(() => forgetRunningJourneys(workspaceId));
  // A segment trigger's baseline is taken now, not at the next sweep, so who counts as "already in
  // the segment" is who was in it at publish; a date trigger enters whoever is due today.
  // The demo seed publishes before the server listens, when no run could start: it leaves this to the sweeper.
  if (opts.enterNow !== false && !published.unchanged)
    await sweepJourneyTriggers(new Date(), { journeyId });
  return published;
}

/** Whether the draft (graph without positions, and settings) is what `version` already runs. */
async function liveVersionSays(
  workspaceId: string,
  journeyId: string,
  version: number,
  settings: TJourneySettings,
  tx: Executor,
): Promise<boolean> {
  const live = await findWorkspaceJourneyVersion(workspaceId, journeyId, version, tx);
  const liveSettings = ZJourneySettings.safeParse(live?.settings);
  return (
    liveSettings.success &&
    isDeepStrictEqual(liveSettings.data, settings) &&
    (await draftGraphMatchesVersion(workspaceId, journeyId, version, tx))
  );
}

const TRANSITIONS = { pause: ["live"], resume: ["paused"], stop: ["live", "paused"] } as const;
const TARGET = { pause: "paused", resume: "live", stop: "stopped" } as const;

/**
 * Pause stops new entries (contacts inside carry on); resume lets them in again; stop ends the
 * journey for good and cancels every run in progress.
 */
export async function changeJourneyStatus(
  workspaceId: string,
  journeyId: string,
  action: keyof typeof TRANSITIONS,
) {
  const journey = await db().transaction(async (tx) => {
    const current = await lockJourney(workspaceId, journeyId, tx);
    if (!current) throw new NotFoundError("No such journey in this workspace");
    if (!(TRANSITIONS[action] as readonly string[]).includes(current.status))
      throw new ConflictError(`Cannot ${action} a ${current.status} journey`, undefined, {
        code: "journey_state",
        values: { action, state: current.status },
      });
    if (action === "stop") await cancelActiveEntries(workspaceId, journeyId, tx);
    return updateJourney(workspaceId, journeyId, { status: TARGET[action] }, tx);
  });
  forgetRunningJourneys(workspaceId);
  if (action === "resume") await sweepJourneyTriggers(new Date(), { journeyId });
  if (action === "stop") await emitJourneyEvents([{ kind: "stopped", journeyId }]);
  return journey!;
}

export async function removeJourney(workspaceId: string, journeyId: string) {
  const journey = await db().transaction(async (tx) => {
    const current = await lockJourney(workspaceId, journeyId, tx);
    if (!current) throw new NotFoundError("No such journey in this workspace");
    if (current.status === "live" || current.status === "paused")
      throw new ConflictError("Stop the journey before deleting it", undefined, {
        code: "journey_not_stopped",
      });
    await deleteJourney(workspaceId, journeyId, tx);
    return current;
  });
  return journey;
}
