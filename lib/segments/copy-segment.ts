import { db, type Tx } from "@/db";
import {
  copyMembers,
  findSegment,
  insertMatchingMembers,
  insertSegment,
  listSegmentRefs,
  lockSegmentsShared,
} from "@/db/queries/segments";
import type { TSegment } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { compileSegment } from "./compile-segment";
import type { TSegmentDefinition } from "./definition";
import { withSaveRaces } from "./save-segment";
import { referencedSegmentIds } from "./segment-references";

/** "Name (copy)", "Name (copy 2)", … : the first one free in the workspace. */
function freeName(base: string, taken: Set<string>) {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** The copy's definition uses the same segments: share-lock them as every save does (remove-segment.ts). */
async function lockReferences(workspaceId: string, definition: TSegmentDefinition | null, tx: Tx) {
  const ids = referencedSegmentIds(definition);
  if ((await lockSegmentsShared(workspaceId, ids, tx)).length < ids.length)
    throw new ConflictError(
      "A segment this one uses was deleted meanwhile; reload and try again",
      undefined,
      { code: "changed_meanwhile" },
    );
}

async function sourceOrThrow(workspaceId: string, segmentId: string) {
  const src = await findSegment(workspaceId, segmentId);
  if (!src) throw new NotFoundError("No such segment in this workspace");
  return src;
}

/** A copy of the segment: same type and definition, and the same members when static. */
export async function duplicateSegment(
  workspaceId: string,
  userId: string,
  segmentId: string,
  name?: string,
  now = new Date(),
): Promise<TSegment> {
  const src = await sourceOrThrow(workspaceId, segmentId);
  const taken = new Set((await listSegmentRefs(workspaceId)).map((s) => s.name));
  const finalName = name ?? freeName(`${src.name} (copy)`, taken);
  return withSaveRaces(finalName, () =>
    db().transaction(async (tx) => {
      await lockReferences(workspaceId, src.definition, tx);
      const row = await insertSegment(
        {
          workspaceId,
          name: finalName,
          description: src.description,
          type: src.type,
          definition: src.definition,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      if (src.type === "static") await copyMembers(workspaceId, src.id, row.id, tx);
      return row;
    }),
  );
}

/**
 * A new static segment holding the contacts a dynamic one matches now. The dynamic segment stays
 * as it is, so journeys and segments that use it keep their meaning.
 */
export async function freezeSegment(
  workspaceId: string,
  userId: string,
  segmentId: string,
  name?: string,
  now = new Date(),
): Promise<TSegment> {
  const src = await sourceOrThrow(workspaceId, segmentId);
  if (src.type !== "dynamic" || !src.definition)
    throw new ValidationError({
      segmentId: "Only a dynamic segment can be frozen; this one already is a snapshot",
    });
  const taken = new Set((await listSegmentRefs(workspaceId)).map((s) => s.name));
  const finalName =
    name ?? freeName(`${src.name} (snapshot ${now.toISOString().slice(0, 10)})`, taken);
  const condition = await compileSegment(workspaceId, src.definition, { now, selfId: src.id });
  return withSaveRaces(finalName, () =>
    db().transaction(async (tx) => {
      await lockReferences(workspaceId, src.definition, tx);
      const row = await insertSegment(
        {
          workspaceId,
          name: finalName,
          description: src.description,
          type: "static",
          definition: src.definition,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      await insertMatchingMembers(workspaceId, row.id, condition, tx);
      return row;
    }),
  );
}
