import { isDeepStrictEqual } from "node:util";
import { insertSegment, updateSegment } from "@/db/queries/segments";
import { AppError } from "@/lib/errors";
import { compileSegment, loadSegmentResolver } from "@/lib/segments/compile-segment";
import { ZSegmentDefinition } from "@/lib/segments/definition";
import type { TDefinitionsFile } from "./definitions-format";
import type { TDefinitionWrite } from "./definition-write";
import { zodFields } from "./import-definitions";
import { namesToIds } from "./name-references";
import { orderSegments } from "./order-segments";

/** Segments, each after the segments it names; a definition must compile here. */
export async function writeSegments(file: TDefinitionsFile, w: TDefinitionWrite) {
  const { workspaceId, userId, rows, tx, entries, fields, now, byName } = w;
  const order = orderSegments(file.segments);
  if ("cycle" in order)
    fields[`segments[${order.cycle}].definition`] = "names itself through other segments";
  for (const i of "cycle" in order ? [] : order) {
    const s = file.segments[i]!;
    const at = `segments[${i}]`;
    const entry = { kind: "segment" as const, name: s.name };
    const missing: Record<string, string> = {};
    const remapped = namesToIds(s.definition, byName, `${at}.definition`, missing);
    if (Object.keys(missing).length) {
      Object.assign(fields, missing);
      continue;
    }
    const def = remapped === null ? null : ZSegmentDefinition.safeParse(remapped);
    if (def && !def.success) {
      Object.assign(fields, zodFields(def.error, `${at}.definition`));
      continue;
    }
    if (s.type === "dynamic" && !def) {
      fields[`${at}.definition`] = "a dynamic segment needs a definition";
      continue;
    }
    const existing = rows.segments.find((r) => r.name === s.name);
    if (existing && existing.type !== s.type) {
      entries.push({ ...entry, action: "skip", id: existing.id, reason: "other_type" });
      continue;
    }
    if (existing && (s.type === "static" || isDeepStrictEqual(existing.definition, def?.data))) {
      entries.push({ ...entry, action: "skip", id: existing.id, reason: "unchanged" });
      continue;
    }
    if (def) {
      try {
        const resolve = await loadSegmentResolver(workspaceId, tx);
        await compileSegment(workspaceId, def.data, { now, selfId: existing?.id, resolve });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        fields[`${at}.definition`] = err.message;
        continue;
      }
    }
    const id = existing
      ? (await updateSegment(workspaceId, existing.id, { definition: def!.data }, now, tx))!.id
      : (
          await insertSegment(
            {
              workspaceId,
              name: s.name,
              description: s.description,
              type: s.type,
              definition: def?.data ?? null,
              createdBy: userId,
              createdAt: now,
              updatedAt: now,
            },
            tx,
          )
        ).id;
    byName.segment.set(s.name, id);
    entries.push({ ...entry, action: existing ? "update" : "create", id });
  }
}
