import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { JourneyDiffView, type TDiffSide } from "@/components/journeys/diff/journey-diff-view";
import { listJourneyVersionGraphs } from "@/db/queries/definitions";
import { findJourney } from "@/db/queries/journeys";
import { listSegments } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { ZDraftGraph } from "@/lib/journeys/graph/graph-schema";

const EMPTY = { nodes: [], edges: [] };

/**
 * Compare two versions of a journey (`?from=3&to=draft`; by default the live version against the
 * draft), or a definitions file against one of them. Every role may look.
 */
export default async function JourneyDiffPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/journeys/[journeyId]/diff">) {
  const { workspace: slug, journeyId } = await params;
  const query = await searchParams;
  const { workspace, can } = await requireWorkspace(slug);
  if (!z.uuid().safeParse(journeyId).success) notFound();
  const journey = await findJourney(workspace.id, journeyId);
  if (!journey) notFound();
  const [versions, templates, segments] = await Promise.all([
    listJourneyVersionGraphs(workspace.id, journeyId),
    listTemplates(workspace.id),
    listSegments(workspace.id),
  ]);
  const graph = (g: unknown) => {
    const parsed = ZDraftGraph.safeParse(g);
    return parsed.success ? parsed.data : EMPTY;
  };
  const sides: TDiffSide[] = [
    { key: "draft", version: null, graph: graph(journey.draftGraph) },
    ...versions.map((v) => ({ key: String(v.version), version: v.version, graph: graph(v.graph) })),
  ];
  const pick = (v: unknown, fallback: string) =>
    typeof v === "string" && sides.some((s) => s.key === v) ? v : fallback;
  const live = journey.liveVersion ? String(journey.liveVersion) : "draft";
  return (
    <JourneyDiffView
      slug={workspace.slug}
      journey={{ id: journey.id, name: journey.name }}
      sides={sides}
      from={pick(query.from, live)}
      to={pick(query.to, "draft")}
      canUpload={can("edit")}
      templates={templates.map((t) => ({
        id: t.id,
        name: t.name,
        publishedVersion: t.publishedVersion,
      }))}
      segments={segments.map((s) => ({ id: s.id, name: s.name }))}
    />
  );
}
