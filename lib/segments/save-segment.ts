import { db, type Tx } from "@/db";
import {
  findSegment,
  insertMatchingMembers,
  insertSegment,
  lockSegmentReferences,
  lockSegmentsShared,
  segmentNameTaken,
  updateSegment,
} from "@/db/queries/segments";
import type { TSegment } from "@/db/schema";
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  isTransactionConflict,
  isUniqueViolation,
} from "@/lib/errors";
import { compileSegment, loadSegmentResolver } from "./compile-segment";
import type { TSegmentDefinition } from "./definition";
import type { TCreateSegment, TUpdateSegment } from "./schemas";
import { referencedSegmentIds } from "./segment-references";

const nameTaken = (name: string) =>
  new ConflictError(
    `A segment named "${name}" already exists`,
    { name: `A segment named "${name}" already exists` },
    { code: "name_taken", values: { name } },
  );

/**
 * Runs `write`, answering the races of two saves at once: the unique-name race like the check
 * before it, and a deadlock or serialization failure (which the turns taken below avoid)
 * as a 409 to retry rather than a 500.
 */
export async function withSaveRaces<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err, "segments_workspace_name_key")) throw nameTaken(name);
    if (isTransactionConflict(err))
      throw new ConflictError(
        "Another change to these segments was saved at the same moment. Reload them and save again.",
        undefined,
        { code: "changed_meanwhile" },
      );
    throw err;
  }
}

/**
 * Share-locks the segments `definition` refers to for the rest of `tx` and compiles it against
 * what the transaction sees: a segment deleted meanwhile is refused with its condition path, and
 * none can be deleted until the save commits (remove-segment.ts takes the row FOR UPDATE).
 */
async function compileLocked(
  workspaceId: string,
  definition: TSegmentDefinition,
  tx: Tx,
  opts: { now: Date; selfId?: string },
) {
  await lockSegmentsShared(workspaceId, referencedSegmentIds(definition), tx);
  return compileSegment(workspaceId, definition, {
    ...opts,
    resolve: await loadSegmentResolver(workspaceId, tx),
  });
}

/**
 * Saves a new segment. The definition is compiled first, so a reference to a missing segment
 * is refused with its condition path; a static one freezes the contacts matching it now.
 */
export async function createSegment(
  workspaceId: string,
  userId: string | null,
  input: TCreateSegment,
  now = new Date(),
): Promise<TSegment> {
  // Checked first without locks, so a mistake is answered before any lock is taken.
  await compileSegment(workspaceId, input.definition, { now });
  if (await segmentNameTaken(workspaceId, input.name)) throw nameTaken(input.name);
  return withSaveRaces(input.name, () =>
    db().transaction(async (tx) => {
      const condition = await compileLocked(workspaceId, input.definition, tx, { now });
      const row = await insertSegment(
        {
          workspaceId,
          name: input.name,
          description: input.description,
          type: input.type,
          definition: input.definition,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      if (input.type === "static") await insertMatchingMembers(workspaceId, row.id, condition, tx);
      return row;
    }),
  );
}

/** Renames, describes or redefines a segment; a new definition must not include the segment itself. */
export async function editSegment(
  workspaceId: string,
  segmentId: string,
  patch: TUpdateSegment,
  now = new Date(),
): Promise<TSegment> {
  const existing = await findSegment(workspaceId, segmentId);
  if (!existing) throw new NotFoundError("No such segment in this workspace");
  if (patch.definition) {
    if (existing.type === "static") {
      throw new ValidationError({
        definition:
          "A static segment's members are frozen; duplicate it as a dynamic segment to change its conditions",
      });
    }
    await compileSegment(workspaceId, patch.definition, { now, selfId: segmentId });
  }
  if (patch.name !== undefined && (await segmentNameTaken(workspaceId, patch.name, segmentId)))
    throw nameTaken(patch.name);
  const row = await withSaveRaces(patch.name ?? existing.name, () =>
    db().transaction(async (tx) => {
      if (patch.definition) {
        // Only an edit can close a cycle (a new segment is used by none), so edits that refer to
        // segments take their turn: the second of two crossing edits sees the first and is refused.
        if (referencedSegmentIds(patch.definition).length)
          await lockSegmentReferences(workspaceId, tx);
        await compileLocked(workspaceId, patch.definition, tx, { now, selfId: segmentId });
      }
      return updateSegment(workspaceId, segmentId, patch, now, tx);
    }),
  );
  if (!row) throw new NotFoundError("No such segment in this workspace");
  return row;
}
