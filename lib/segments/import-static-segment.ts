import { parse } from "csv-parse/sync";
import { db } from "@/db";
import {
  findContactIdsByUserIds,
  insertMembers,
  insertSegment,
  segmentNameTaken,
} from "@/db/queries/segments";
import type { TSegment } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { withSaveRaces } from "./save-segment";

const ID_HEADERS = ["userid", "user_id", "user id", "id", "external_id"];
export const MAX_IMPORT_IDS = 100_000;

/** User ids from a CSV: the `userId`-like column when there is a header, else the first column. */
export function userIdsFromCsv(csv: string): string[] {
  let rows: string[][];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new ValidationError({ csv: `The CSV could not be read: ${(err as Error).message}` });
  }
  const header = rows[0]?.map((h) => h.toLowerCase()) ?? [];
  const col = header.findIndex((h) => ID_HEADERS.includes(h));
  const body = col >= 0 ? rows.slice(1) : rows;
  const ids = [...new Set(body.map((r) => r[Math.max(col, 0)] ?? "").filter(Boolean))];
  if (!ids.length) throw new ValidationError({ csv: "The CSV has no user ids" });
  if (ids.length > MAX_IMPORT_IDS)
    throw new ValidationError({
      csv: `At most ${MAX_IMPORT_IDS.toLocaleString("en")} user ids per file`,
    });
  return ids;
}

/** A static segment of the contacts with these user ids; ids with no contact are reported, not stored. */
export async function importStaticSegment(
  workspaceId: string,
  userId: string,
  input: { name: string; description: string; csv: string },
  now = new Date(),
): Promise<{ segment: TSegment; matched: number; unmatched: string[] }> {
  const ids = userIdsFromCsv(input.csv);
  if (await segmentNameTaken(workspaceId, input.name))
    throw new ConflictError(
      `A segment named "${input.name}" already exists`,
      { name: `A segment named "${input.name}" already exists` },
      { code: "name_taken", values: { name: input.name } },
    );
  const found = await findContactIdsByUserIds(workspaceId, ids);
  const segment = await withSaveRaces(input.name, () =>
    db().transaction(async (tx) => {
      const row = await insertSegment(
        {
          workspaceId,
          name: input.name,
          description: input.description,
          type: "static",
          definition: null,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      await insertMembers(row.id, [...found.values()], tx);
      return row;
    }),
  );
  return { segment, matched: found.size, unmatched: ids.filter((id) => !found.has(id)) };
}
