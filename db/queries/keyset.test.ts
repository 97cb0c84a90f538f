import { describe, expect, it } from "vitest";
import { keysetPage } from "./keyset";

const c = { ts: "2026-01-01T00:00:00Z", id: "00000000-0000-4000-8000-000000000001" };

describe("keysetPage", () => {
  it("going forward, shows `size` rows and says whether older ones follow", () => {
    expect(keysetPage([5, 4, 3], 2, {})).toEqual({ rows: [5, 4], hasOlder: true, hasNewer: false });
    expect(keysetPage([5, 4], 2, { after: c })).toEqual({
      rows: [5, 4],
      hasOlder: false,
      hasNewer: true,
    });
  });

  it("going back, turns the oldest-first read round and knows older rows exist", () => {
    expect(keysetPage([1, 2, 3], 2, { before: c })).toEqual({
      rows: [2, 1],
      hasOlder: true,
      hasNewer: true,
    });
    expect(keysetPage([1, 2], 2, { before: c })).toEqual({
      rows: [2, 1],
      hasOlder: true,
      hasNewer: false,
    });
  });
});
