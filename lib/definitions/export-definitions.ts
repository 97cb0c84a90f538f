import { listDefinitionRows, type TDefinitionRows } from "@/db/queries/definitions";
import { NotFoundError } from "@/lib/errors";
import { scheduleOf } from "@/lib/campaigns/schedule/schedule-settings";
import {
  CURRENT_SCHEMA_VERSION,
  DEFINITIONS_FORMAT,
  type TDefinitionKind,
  type TDefinitionsFile,
} from "./definitions-format";
import { idsToNames, referencedNames, type TNameLookup } from "./name-references";

/**
 * One object, or the whole workspace, as a definitions file. One object travels with what it
 * needs: a journey with the templates and segments it names (and the segments those name), a
 * campaign with its templates and segment, so the file imports into an empty workspace.
 */
export type TExportSelection = { kind: TDefinitionKind; id: string } | null;

const campaignSettings = (
  c: TDefinitionRows["campaigns"][number],
  treatments: TDefinitionRows["treatments"],
) => ({
  name: c.name,
  audience:
    c.audienceKind === "segment"
      ? { kind: "segment", segmentId: c.segmentId }
      : { kind: "everyone" },
  channel: c.channel,
  treatments: treatments
    .filter((t) => t.campaignId === c.id)
    .map((t) => ({ label: t.label, templateId: t.templateId, percent: t.percent })),
  holdoutPercent: c.holdoutPercent,
  schedule: scheduleOf(c.scheduleKind, c.scheduleSettings) ?? { kind: "now" },
  limits: c.limits,
  conversion: c.conversion,
});

export async function exportDefinitions(
  workspaceId: string,
  selection: TExportSelection,
  meta: { workspace: string; now?: Date },
): Promise<TDefinitionsFile> {
  const rows = await listDefinitionRows(workspaceId);
  const byId: TNameLookup = {
    segment: new Map(rows.segments.map((s) => [s.id, s.name])),
    template: new Map(rows.templates.map((t) => [t.id, t.name])),
  };
  const templates = rows.templates.map((t) => ({
    name: t.name,
    channel: t.channel,
    content: t.draft,
  }));
  const segments = rows.segments.map((s) => ({
    name: s.name,
    description: s.description,
    type: s.type,
    definition: idsToNames(s.definition as Record<string, unknown> | null, byId),
  }));
  const journeys = rows.journeys.map((j) => ({
    name: j.name,
    graph: idsToNames(j.draftGraph, byId),
    settings: j.draftSettings,
  }));
  const campaigns = rows.campaigns.map((c) => ({
    name: c.name,
    settings: idsToNames(campaignSettings(c, rows.treatments), byId),
  }));
  const file: TDefinitionsFile = {
    format: DEFINITIONS_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: (meta.now ?? new Date()).toISOString(),
    source: { workspace: meta.workspace },
    templates,
    segments,
    journeys,
    campaigns,
  };
  if (!selection) return file;

  const ownRows = {
    template: rows.templates,
    segment: rows.segments,
    journey: rows.journeys,
    campaign: rows.campaigns,
  }[selection.kind];
  const index = ownRows.findIndex((r) => r.id === selection.id);
  if (index < 0) throw new NotFoundError(`No such ${selection.kind} in this workspace`);
  const own = {
    template: templates,
    segment: segments,
    journey: journeys,
    campaign: campaigns,
  }[selection.kind][index]!;

  // What the object names, and what the named segments name in turn.
  const needed = referencedNames(own);
  const queue = [...needed.segment];
  while (queue.length) {
    const name = queue.pop();
    const s = segments.find((x) => x.name === name);
    for (const name of referencedNames(s?.definition).segment)
      if (!needed.segment.has(name)) {
        needed.segment.add(name);
        queue.push(name);
      }
  }
  const only = (kind: TDefinitionKind) => (selection.kind === kind ? [own] : []);
  return {
    ...file,
    templates:
      selection.kind === "template"
        ? (only("template") as typeof templates)
        : templates.filter((t) => needed.template.has(t.name)),
    segments: [
      ...segments.filter((s) => needed.segment.has(s.name) && s !== own),
      ...(only("segment") as typeof segments),
    ],
    journeys: only("journey") as typeof journeys,
    campaigns: only("campaign") as typeof campaigns,
  };
}
