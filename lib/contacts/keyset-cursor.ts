/** A position in a list ordered by (timestamp, id), newest first. */
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
  raw: string | undefined,
  id: keyof typeof CURSOR_IDS = "uuid",
): TKeysetCursor | null {
  const m = raw ? CURSOR.exec(raw) : null;
  if (!m || Number.isNaN(Date.parse(m[1]!)) || !CURSOR_IDS[id].test(m[2]!)) return null;
  return { ts: m[1]!, id: m[2]!.toLowerCase() };
}

export const formatCursor = (c: TKeysetCursor) => `${c.ts}_${c.id}`;
