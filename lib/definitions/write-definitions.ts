import type { Tx } from "@/db";
import type { TDefinitionRows } from "@/db/queries/definitions";
import { ValidationError } from "@/lib/errors";
import type { TDefinitionsFile } from "./definitions-format";
import type { TDefinitionWrite } from "./definition-write";
import type { TImportEntry } from "./import-definitions";
import { writeCampaigns } from "./write-campaigns";
import { writeJourneys } from "./write-journeys";
import { writeSegments } from "./write-segments";
import { writeTemplates } from "./write-templates";

/**
 * The writes of one import, inside its transaction, in dependency order: templates, segments
 * (each after the segments it names), journeys, campaigns. Problems are collected with their
 * paths in the file and thrown together at the end, which rolls the transaction back.
 */
export async function writeDefinitions(
  workspaceId: string,
  userId: string | null,
  file: TDefinitionsFile,
  rows: TDefinitionRows,
  tx: Tx,
  now = new Date(),
): Promise<TImportEntry[]> {
  const w: TDefinitionWrite = {
    workspaceId,
    userId,
    rows,
    tx,
    now,
    entries: [],
    fields: {},
    byName: {
      segment: new Map(rows.segments.map((s) => [s.name, s.id])),
      template: new Map(rows.templates.map((t) => [t.name, t.id])),
    },
    templateVersion: new Map(rows.templates.map((t) => [t.id, t.publishedVersion])),
    templateChannel: new Map(rows.templates.map((t) => [t.id, t.channel])),
  };
  await writeTemplates(file, w);
  await writeSegments(file, w);
  await writeJourneys(file, w);
  await writeCampaigns(file, w);
  if (Object.keys(w.fields).length) throw new ValidationError(w.fields);
  return w.entries;
}
