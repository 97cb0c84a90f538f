/**
 * Keyset pagination, the URL side: a position in a list ordered by (timestamp, id), newest first.
 * No page numbers, so page 2,000 is as fast as page 1. The SQL side is db/queries/keyset.ts.
 */
export type TKeysetCursor = { ts: string; id: string };

// `<timestamp with microseconds>_<id>`: microseconds, because JS dates would round them away and
// two rows within one millisecond would then be skipped or shown twice.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_(.+)$/;
const CURSOR_IDS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  bigint: /^[1-9]\d{0,17}$/,
};

/** A keyset cursor from a URL, or null when it is missing or malformed (then the first page shows). */
export function parseCursor(
  raw: string | undefined | null,
  id: keyof typeof CURSOR_IDS = "uuid",
): TKeysetCursor | null {
  const m = raw ? CURSOR.exec(raw) : null;
  if (!m || Number.isNaN(Date.parse(m[1]!)) || !CURSOR_IDS[id].test(m[2]!)) return null;
  return { ts: m[1]!, id: m[2]!.toLowerCase() };
}

export const formatCursor = (c: TKeysetCursor) => `${c.ts}_${c.id}`;

/**
 * The Previous/Next links of a page that can go both ways: Previous asks for rows newer than the
 * page's first, Next for rows older than its last; null where there is nothing that way.
 */
export function keysetLinks(
  page: { rows: readonly { cursor: TKeysetCursor }[]; hasNewer: boolean; hasOlder: boolean },
  href: (position: { before: TKeysetCursor } | { after: TKeysetCursor }) => string,
): { newerHref: string | null; olderHref: string | null } {
  const first = page.rows[0];
  const last = page.rows.at(-1);
  return {
    newerHref: page.hasNewer && first ? href({ before: first.cursor }) : null,
    olderHref: page.hasOlder && last ? href({ after: last.cursor }) : null,
  };
}
