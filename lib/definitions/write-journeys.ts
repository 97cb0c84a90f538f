import { isDeepStrictEqual } from "node:util";
import { insertJourney, updateJourney } from "@/db/queries/journeys";
import { ZDraftGraph } from "@/lib/journeys/graph/graph-schema";
import type { TDefinitionsFile } from "./definitions-format";
import type { TDefinitionWrite } from "./definition-write";
import { zodFields } from "./import-definitions";
import { namesToIds } from "./name-references";

/** Journeys as drafts, their segments and templates named in the file found by name. */
export async function writeJourneys(file: TDefinitionsFile, w: TDefinitionWrite) {
  const { workspaceId, userId, rows, tx, entries, fields, byName } = w;
  for (const [i, j] of file.journeys.entries()) {
    const at = `journeys[${i}]`;
    const missing: Record<string, string> = {};
    const graph = namesToIds(j.graph, byName, `${at}.graph`, missing);
    Object.assign(fields, missing);
    const parsed = ZDraftGraph.safeParse(graph);
    if (!parsed.success) Object.assign(fields, zodFields(parsed.error, `${at}.graph`));
    if (Object.keys(missing).length || !parsed.success) continue;
    const existing = rows.journeys.find((r) => r.name === j.name);
    const entry = { kind: "journey" as const, name: j.name, graph };
    if (
      existing &&
      isDeepStrictEqual(existing.draftGraph, graph) &&
      isDeepStrictEqual(existing.draftSettings, j.settings)
    ) {
      entries.push({ ...entry, action: "skip", id: existing.id, reason: "unchanged" });
      continue;
    }
    const id = existing
      ? (await updateJourney(
          workspaceId,
          existing.id,
          { draftGraph: graph, draftSettings: j.settings },
          tx,
        ))!.id
      : (
          await insertJourney(
            {
              workspaceId,
              name: j.name,
              draftGraph: graph,
              draftSettings: j.settings,
              createdBy: userId ?? undefined,
            },
            tx,
          )
        ).id;
    entries.push({ ...entry, action: existing ? "update" : "create", id });
  }
}
