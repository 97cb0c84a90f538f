import { describe, expect, it } from "vitest";
import { isTimeZone } from "./time-zone";

describe("isTimeZone", () => {
  it("knows IANA time zones and their aliases, and nothing else", () => {
    expect(isTimeZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("US/Eastern")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });

  it("answers the same from its cache, and stays right past the cache's size", () => {
    // Asked twice: the second answer comes from the cache and must match the first.
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("Europe/Paris")).toBe(true);
    // More distinct names than the cache keeps: each still gets a real answer.
    for (let i = 0; i < 1_100; i++) expect(isTimeZone(`Nowhere/Zone${i}`)).toBe(false);
    expect(isTimeZone("Pacific/Auckland")).toBe(true);
  });
});
