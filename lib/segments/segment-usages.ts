import { db, type Executor } from "@/db";
import { findJourneysReferencing } from "@/lib/journeys/manage/find-journeys-referencing";
import { listSegmentRefs } from "@/db/queries/segments";
import { referencedSegmentIds } from "./segment-references";

/**
 * Something that uses a segment. `blocking` usages (another segment's definition, a live journey
 * or campaign) refuse its deletion; others (a draft, a finished campaign) are only shown.
 */
export type TSegmentUsage = {
  kind: "segment" | "journey" | "campaign";
  id: string;
  name: string;
  href: string;
  blocking: boolean;
  /** English, for API callers; the page words `why` in the viewer's language (segments.usedBy.why). */
  detail?: string;
  why?: { key: "conditions" } | { key: "journey"; status: string };
};
/** `ex` is the deleting transaction, so the check reads what the delete will be judged against. */
type TUsageFinder = (
  workspaceId: string,
  slug: string,
  segmentId: string,
  ex: Executor,
) => Promise<TSegmentUsage[]>;

const usedBySegments: TUsageFinder = async (workspaceId, slug, segmentId, ex) =>
  (await listSegmentRefs(workspaceId, ex))
    .filter((s) => s.id !== segmentId && referencedSegmentIds(s.definition).includes(segmentId))
    .map((s) => ({
      kind: "segment",
      id: s.id,
      name: s.name,
      href: `/w/${slug}/segments/${s.id}`,
      blocking: true,
      detail: "uses it in its conditions",
      why: { key: "conditions" },
    }));

const usedByJourneys: TUsageFinder = async (workspaceId, slug, segmentId, ex) =>
  (await findJourneysReferencing(workspaceId, { segmentId }, ex)).map((j) => {
    const running = j.status === "live" || j.status === "paused";
    return {
      kind: "journey",
      id: j.id,
      name: j.name,
      href: `/w/${slug}/journeys/${j.id}`,
      blocking: running,
      detail: running ? `${j.status} journey` : `${j.status} journey (not blocking)`,
      why: { key: "journey", status: j.status },
    };
  });

/** Campaigns add their finder here when they start targeting segments. */
export const SEGMENT_USAGE_FINDERS: TUsageFinder[] = [usedBySegments, usedByJourneys];

export async function findSegmentUsages(
  workspaceId: string,
  slug: string,
  segmentId: string,
  ex: Executor = db(),
): Promise<TSegmentUsage[]> {
  // One after another: a transaction is one connection.
  const usages: TSegmentUsage[] = [];
  for (const f of SEGMENT_USAGE_FINDERS)
    usages.push(...(await f(workspaceId, slug, segmentId, ex)));
  return usages;
}
