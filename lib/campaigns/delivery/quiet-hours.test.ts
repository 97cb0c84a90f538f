import { describe, expect, it } from "vitest";
import { inQuietHours } from "./quiet-hours";

describe("inQuietHours", () => {
  const at = new Date("2026-06-01T21:30:00Z");
  it("reads the contact's own zone", () => {
    // 21:30 UTC is 23:30 in Berlin (summer) and 17:30 in New York.
    expect(inQuietHours({ start: "22:00", end: "08:00" }, "Europe/Berlin", "UTC", at)).toBe(true);
    expect(inQuietHours({ start: "22:00", end: "08:00" }, "America/New_York", "UTC", at)).toBe(
      false,
    );
  });
  it("uses the fallback zone for a missing or unknown zone", () => {
    expect(inQuietHours({ start: "21:00", end: "22:00" }, null, "UTC", at)).toBe(true);
    expect(inQuietHours({ start: "21:00", end: "22:00" }, "Mars/Olympus", "UTC", at)).toBe(true);
    expect(inQuietHours({ start: "21:00", end: "22:00" }, null, "Asia/Tokyo", at)).toBe(false);
  });
  it("handles same-day windows and an empty window", () => {
    expect(inQuietHours({ start: "09:00", end: "17:00" }, "America/New_York", "UTC", at)).toBe(
      false,
    );
    expect(inQuietHours({ start: "12:00", end: "12:00" }, "UTC", "UTC", at)).toBe(false);
  });
});
