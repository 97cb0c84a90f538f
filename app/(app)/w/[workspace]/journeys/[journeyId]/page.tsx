import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { JourneyEditor } from "@/components/journeys/editor/journey-editor";
import { findJourney } from "@/db/queries/journeys";
import { listAttributeKeys, listEventNames } from "@/db/queries/segment-options";
import { listSegments } from "@/db/queries/segments";
import { searchSampleContacts } from "@/db/queries/sample-contacts";
import { listTemplates } from "@/db/queries/templates";
import { ZDraftGraph } from "@/lib/journeys/graph/graph-schema";

export default async function JourneyPage({
  params,
}: PageProps<"/w/[workspace]/journeys/[journeyId]">) {
  const { workspace: slug, journeyId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  if (!z.uuid().safeParse(journeyId).success) notFound();
  const journey = await findJourney(workspace.id, journeyId);
  if (!journey) notFound();
  const [templates, segments, eventNames, attributeKeys, contacts] = await Promise.all([
    listTemplates(workspace.id),
    listSegments(workspace.id),
    listEventNames(workspace.id),
    listAttributeKeys(workspace.id),
    searchSampleContacts(workspace.id, "", 20),
  ]);
  // A draft that no longer parses (hand-edited, older shape) opens empty rather than failing the page.
  const graph = ZDraftGraph.safeParse(journey.draftGraph);
  return (
    <JourneyEditor
      slug={workspace.slug}
      editable={can("edit")}
      journey={{
        id: journey.id,
        name: journey.name,
        status: journey.status,
        liveVersion: journey.liveVersion ?? 0,
        draftGraph: graph.success ? graph.data : { nodes: [], edges: [] },
        draftSettings: (journey.draftSettings ?? {}) as Record<string, unknown>,
      }}
      options={{
        templates: templates.map((t) => ({
          id: t.id,
          name: t.name,
          channel: t.channel,
          publishedVersion: t.publishedVersion,
        })),
        segments: segments.map((s) => ({ id: s.id, name: s.name })),
        eventNames,
        attributeKeys,
      }}
      contacts={contacts}
    />
  );
}
