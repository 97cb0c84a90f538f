import { listJourneyVersionSteps } from "@/db/queries/journey-step-names";
import type { TSummaryWords } from "../canvas/summary-words";
import { describePlanNodes } from "./name-steps";

/** A journey's name and, given the version and node, the step's published name. */
export type TOriginNames = (
  journeyId: string,
  version?: number,
  nodeId?: string,
) => { journey?: string; step?: string };

type TRow = {
  journeyId: string;
  journeyName: string;
  version: number | null;
  steps: Record<string, unknown> | null;
};

/** Pure half of loadOriginNames: rows of (journey, version, steps) → the lookup. */
export function originNamesFrom(rows: TRow[], words?: TSummaryWords): TOriginNames {
  const journeyNames = new Map(rows.map((r) => [r.journeyId, r.journeyName]));
  // Versions published before steps had names read as a summary of the step ("Send email").
  const steps = new Map(
    rows.map((r) => [
      `${r.journeyId}:${r.version}`,
      describePlanNodes({ steps: r.steps ?? {} }, words),
    ]),
  );
  return (journeyId, version, nodeId) => ({
    journey: journeyNames.get(journeyId),
    step:
      version !== undefined && nodeId
        ? steps.get(`${journeyId}:${version}`)?.get(nodeId)?.summary
        : undefined,
  });
}

/** Names for the journeys a page of runs refers to, in one query; `words`: the viewer's language. */
export async function loadStepNames(
  workspaceId: string,
  journeyIds: string[],
  words?: TSummaryWords,
) {
  return originNamesFrom(
    await listJourneyVersionSteps(workspaceId, [...new Set(journeyIds)]),
    words,
  );
}

/** Names for the journeys a page of messages came from, in one query. */
export async function loadOriginNames(
  workspaceId: string,
  origins: unknown[],
  words?: TSummaryWords,
): Promise<TOriginNames> {
  const ids = new Set<string>();
  for (const o of origins) {
    const rec = o as { kind?: unknown; journeyId?: unknown } | null;
    if (rec?.kind === "journey" && typeof rec.journeyId === "string") ids.add(rec.journeyId);
  }
  return originNamesFrom(await listJourneyVersionSteps(workspaceId, [...ids]), words);
}
