import { describe, expect, it } from "vitest";
import { formatCursor, keysetLinks, parseCursor } from "./keyset-cursor";

const a = { ts: "2026-01-02T03:04:05.123456Z", id: "00000000-0000-4000-8000-00000000000a" };
const b = { ts: "2026-01-01T03:04:05.000001Z", id: "00000000-0000-4000-8000-00000000000b" };
const href = (p: { before: typeof a } | { after: typeof a }) =>
  "before" in p ? `?before=${formatCursor(p.before)}` : `?after=${formatCursor(p.after)}`;

describe("keyset cursors", () => {
  it("round-trips microseconds and rejects ids of the wrong kind", () => {
    expect(parseCursor(formatCursor(a))).toEqual(a);
    expect(parseCursor(`${a.ts}_12`)).toBeNull();
    expect(parseCursor(`${a.ts}_12`, "bigint")).toEqual({ ts: a.ts, id: "12" });
    expect(parseCursor("yesterday_1", "bigint")).toBeNull();
  });

  it("links newer from the first row and older from the last, only where rows lie that way", () => {
    const rows = [{ cursor: a }, { cursor: b }];
    expect(keysetLinks({ rows, hasNewer: true, hasOlder: true }, href)).toEqual({
      newerHref: `?before=${formatCursor(a)}`,
      olderHref: `?after=${formatCursor(b)}`,
    });
    expect(keysetLinks({ rows, hasNewer: false, hasOlder: false }, href)).toEqual({
      newerHref: null,
      olderHref: null,
    });
    expect(keysetLinks({ rows: [], hasNewer: true, hasOlder: true }, href)).toEqual({
      newerHref: null,
      olderHref: null,
    });
  });
});
