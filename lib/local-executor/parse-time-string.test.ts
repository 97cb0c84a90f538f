import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";
import { parseTimeString, sleepUntil } from "./parse-time-string";

describe("time strings", () => {
  it("reads the SDK's durations", () => {
    expect(parseTimeString("1h")).toBe(3_600_000);
    expect(parseTimeString("2d3h4m5s")).toBe(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5000);
    expect(parseTimeString("1w")).toBe(604_800_000);
    expect(parseTimeString("1.5s")).toBe(1500);
    expect(parseTimeString("300ms")).toBe(300);
  });

  it("rejects what is not one", () => {
    expect(parseTimeString("")).toBeNull();
    expect(parseTimeString("1 hour")).toBeNull();
    expect(parseTimeString("h")).toBeNull();
    expect(parseTimeString("1h junk")).toBeNull();
  });

  it("ends a sleep after a duration or at an ISO date", () => {
    expect(sleepUntil("1m", 1000)).toBe(61_000);
    expect(sleepUntil("2030-01-01T00:00:00.000Z", 0)).toBe(Date.parse("2030-01-01T00:00:00.000Z"));
    expect(() => sleepUntil("soon", 0)).toThrow(/neither a time string nor an ISO date/);
  });
});

describe("retry backoff", () => {
  it("doubles from 10 s, capped, with jitter under 10%", () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, null, 0, 0))).toEqual([10_000, 20_000, 40_000]);
    expect(retryDelayMs(40, null, 0, 0)).toBe(12 * 3600_000);
    expect(retryDelayMs(1, null, 0, 0.99)).toBeLessThan(11_000);
  });

  it("honours Retry-After in seconds or as a date", () => {
    expect(retryDelayMs(1, "30", 0)).toBe(30_000);
    expect(retryDelayMs(1, new Date(5000).toISOString(), 1000)).toBe(4000);
  });
});
