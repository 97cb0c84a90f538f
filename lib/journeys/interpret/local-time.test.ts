import { describe, expect, it } from "vitest";
import { dateAttributeTarget, nextLocalTime, quietHoursEnd, zoneFor } from "./local-time";

const at = (iso: string) => new Date(iso);

describe("local time", () => {
  it("finds the next local time today or tomorrow", () => {
    expect(nextLocalTime(at("2026-06-10T05:00:00Z"), "09:00", "Europe/Berlin").toISOString()).toBe(
      "2026-06-10T07:00:00.000Z",
    );
    expect(nextLocalTime(at("2026-06-10T08:00:00Z"), "09:00", "Europe/Berlin").toISOString()).toBe(
      "2026-06-11T07:00:00.000Z",
    );
  });

  it("keeps the local time across a DST change (New York, 1 November 2026)", () => {
    // 23:00 EDT on 31 October; 08:00 the next morning is EST, so 10 real hours later, not 9.
    const end = quietHoursEnd(
      at("2026-11-01T03:00:00Z"),
      { start: "22:00", end: "08:00" },
      "America/New_York",
    );
    expect(end?.toISOString()).toBe("2026-11-01T13:00:00.000Z");
  });

  it("handles quiet hours inside one day and across midnight", () => {
    expect(
      quietHoursEnd(
        at("2026-06-10T12:30:00Z"),
        { start: "12:00", end: "14:00" },
        "UTC",
      )?.toISOString(),
    ).toBe("2026-06-10T14:00:00.000Z");
    expect(
      quietHoursEnd(at("2026-06-10T14:00:00Z"), { start: "12:00", end: "14:00" }, "UTC"),
    ).toBeNull();
    expect(
      quietHoursEnd(
        at("2026-06-10T01:00:00Z"),
        { start: "22:00", end: "08:00" },
        "UTC",
      )?.toISOString(),
    ).toBe("2026-06-10T08:00:00.000Z");
    expect(
      quietHoursEnd(at("2026-06-10T21:59:00Z"), { start: "22:00", end: "08:00" }, "UTC"),
    ).toBeNull();
  });

  it("falls back to the workspace zone for missing or bogus contact zones", () => {
    expect(zoneFor(null, "Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(zoneFor("Mars/Base", "Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(zoneFor("Europe/Paris", "Asia/Tokyo")).toBe("Europe/Paris");
  });

  it("shifts a date attribute by days at a local time", () => {
    const ref = { offsetDays: -3, time: "09:00", yearly: false };
    expect(
      dateAttributeTarget(
        "2026-12-01",
        ref,
        "Europe/Berlin",
        at("2026-01-01T00:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-11-28T08:00:00.000Z");
    expect(
      dateAttributeTarget(
        "2026-12-01T23:30:00Z",
        ref,
        "Asia/Tokyo",
        at("2026-01-01T00:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-11-29T00:00:00.000Z");
    expect(dateAttributeTarget("not a date", ref, "UTC", at("2026-01-01T00:00:00Z"))).toBeNull();
  });

  it("finds the next yearly anniversary, with 29 February on the 28th", () => {
    const ref = { offsetDays: 0, time: "10:00", yearly: true };
    expect(
      dateAttributeTarget("1990-05-12", ref, "UTC", at("2026-06-01T00:00:00Z"))?.toISOString(),
    ).toBe("2027-05-12T10:00:00.000Z");
    expect(
      dateAttributeTarget("1990-05-12", ref, "UTC", at("2026-05-12T09:00:00Z"))?.toISOString(),
    ).toBe("2026-05-12T10:00:00.000Z");
    expect(
      dateAttributeTarget("2000-02-29", ref, "UTC", at("2026-01-01T00:00:00Z"))?.toISOString(),
    ).toBe("2026-02-28T10:00:00.000Z");
  });
});
