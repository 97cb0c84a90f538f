import { describe, expect, it } from "vitest";
import { formatChange, formatDay, formatPercent } from "./format-figures";

describe("figure formatting", () => {
  it("says the direction of a change in words and signs, not colour", () => {
    expect(formatChange(0.123, 10)).toBe("▲ +12.3%");
    expect(formatChange(-0.04, 10)).toBe("▼ −4.0%");
    expect(formatChange(0, 10)).toBe("no change");
    expect(formatChange(null, 5)).toBe("new this period");
    expect(formatChange(null, 0)).toBe("no change");
    expect(formatChange(134.6, 2306)).toBe("▲ 136× as many");
  });
  it("shows a rate without a base as a dash", () => {
    expect(formatPercent(null)).toBe("–");
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatDay("2026-03-05")).toBe("5 Mar");
  });
});
