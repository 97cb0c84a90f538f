import { describe, expect, it } from "vitest";
import { eachDay, previousPeriod, resolveDayRange, todayIn, ZRangeParams } from "./date-range";

const now = new Date("2026-03-29T23:30:00Z");

describe("resolveDayRange", () => {
  it("defaults to the last 30 days ending today in the workspace's zone", () => {
    expect(todayIn("UTC", now)).toBe("2026-03-29");
    expect(todayIn("Europe/Berlin", now)).toBe("2026-03-30");
    expect(resolveDayRange({}, "Europe/Berlin", now)).toEqual({
      from: "2026-03-01",
      to: "2026-03-30",
      days: 30,
      preset: "30d",
    });
  });
  it("takes presets and custom ranges", () => {
    expect(resolveDayRange({ range: "7d" }, "UTC", now)).toMatchObject({
      from: "2026-03-23",
      to: "2026-03-29",
      days: 7,
    });
    expect(
      resolveDayRange({ range: "custom", from: "2026-02-27", to: "2026-03-02" }, "UTC", now),
    ).toEqual({ from: "2026-02-27", to: "2026-03-02", days: 4, preset: "custom" });
    expect(resolveDayRange({ from: "2026-01-01", to: "2026-01-01" }, "UTC", now)).toMatchObject({
      days: 1,
      preset: "custom",
    });
  });
});

describe("previousPeriod", () => {
  it("is the same length immediately before", () => {
    expect(
      previousPeriod({ from: "2026-03-01", to: "2026-03-07", days: 7, preset: "7d" }),
    ).toMatchObject({ from: "2026-02-22", to: "2026-02-28", days: 7 });
    expect(
      previousPeriod({ from: "2024-03-01", to: "2024-03-01", days: 1, preset: "custom" }),
    ).toMatchObject({ from: "2024-02-29", to: "2024-02-29" });
  });
});

describe("ZRangeParams", () => {
  it("names the bad field", () => {
    const bad = ZRangeParams.safeParse({ range: "custom", from: "2026-02-30" });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join("."));
    expect(paths).toContain("from");
    expect(paths).toContain("to");
    expect(
      ZRangeParams.safeParse({ range: "custom", from: "2026-03-02", to: "2026-03-01" }).error
        ?.issues[0]?.path,
    ).toEqual(["to"]);
    expect(ZRangeParams.safeParse({ range: "1y" }).error?.issues[0]?.path).toEqual(["range"]);
  });
});

describe("eachDay", () => {
  it("lists every calendar day across month ends", () => {
    expect(eachDay({ from: "2026-02-27", to: "2026-03-02" })).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
  });
});
