import { sql, type SQLWrapper } from "drizzle-orm";
import type { TKeysetCursor } from "@/lib/pagination/keyset-cursor";

/**
 * Keyset pagination, the SQL side (the URL side is lib/pagination/keyset-cursor.ts). Lists are
 * newest first by (timestamp, id); a page reads one row more than it shows to learn whether
 * another page follows.
 */

/** A timestamp as UTC text with microseconds: cursors must be exact, and JS dates keep only ms. */
export const utcText = (col: SQLWrapper) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows strictly older (`<`) or newer (`>`) than the cursor; a row value, so an index serves it. */
export const keysetWhere = (
  ts: SQLWrapper,
  id: SQLWrapper,
  c: TKeysetCursor,
  op: "<" | ">",
  idType: "uuid" | "bigint" = "uuid",
) => sql`(${ts}, ${id}) ${sql.raw(op)} (${c.ts}::timestamptz, ${c.id}::${sql.raw(idType)})`;

/**
 * One page from `found` (read with `limit size + 1`). Going back (`before`), rows were read oldest
 * first and are turned round. `hasOlder`/`hasNewer` say whether Next/Previous lead anywhere.
 */
export function keysetPage<T>(
  found: T[],
  size: number,
  position: { after?: TKeysetCursor | null; before?: TKeysetCursor | null },
) {
  const backwards = Boolean(position.before);
  const more = found.length > size;
  const rows = found.slice(0, size);
  if (backwards) rows.reverse();
  return {
    rows,
    hasOlder: backwards ? true : more,
    hasNewer: backwards ? more : Boolean(position.after),
  };
}
