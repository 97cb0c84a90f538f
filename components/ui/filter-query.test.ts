import { describe, expect, it } from "vitest";
import { isNarrowed, isRangeIncomplete, listFilterHref } from "./filter-query";

describe("list filter URLs", () => {
  it("keeps what was carried, then the set selects in order, then the trimmed search", () => {
    const next = { status: "failed", channel: "", q: "  ada@example.com " };
    expect(listFilterHref("/w/demo/messages", next, ["channel", "status"], { contact: "c1" })).toBe(
      "/w/demo/messages?contact=c1&status=failed&q=ada%40example.com",
    );
  });

  it("leaves a clean address when nothing is set", () => {
    expect(listFilterHref("/w/demo/messages", { channel: "", q: "   " }, ["channel"])).toBe(
      "/w/demo/messages",
    );
  });

  it("ignores values the bar does not own", () => {
    expect(listFilterHref("/w/x/runs", { journey: "j1", stray: "y" }, ["journey"])).toBe(
      "/w/x/runs?journey=j1",
    );
  });

  it("counts a set value or carried narrowing as narrowed", () => {
    expect(isNarrowed({ channel: "", q: "" })).toBe(false);
    expect(isNarrowed({ channel: "sms", q: "" })).toBe(true);
    expect(isNarrowed({ channel: "" }, { contact: "c1" })).toBe(true);
  });
});

describe("date ranges", () => {
  it("waits for both ends of custom days", () => {
    expect(isRangeIncomplete({ range: "custom", from: "2026-01-01", to: "" })).toBe(true);
    expect(isRangeIncomplete({ range: "custom", from: "2026-01-01", to: "2026-01-05" })).toBe(
      false,
    );
    expect(isRangeIncomplete({ range: "7d", from: "", to: "" })).toBe(false);
  });
});
