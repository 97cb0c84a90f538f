import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRelative } from "./dates";

describe("dates", () => {
  const d = new Date("2026-03-04T23:30:00Z");
  it("formats in the workspace's time zone", () => {
    expect(formatDateTime(d, "UTC")).toBe("4 Mar 2026, 23:30");
    expect(formatDateTime(d, "Europe/Paris")).toBe("5 Mar 2026, 00:30");
    expect(formatDate(d, "America/New_York")).toBe("4 Mar 2026");
  });
  it("says how long ago", () => {
    const now = new Date("2026-03-05T00:00:00Z");
    expect(formatRelative(new Date(now.getTime() - 20_000), now)).toBe("just now");
    expect(formatRelative(new Date(now.getTime() - 3 * 3600_000), now)).toBe("3 hours ago");
    expect(formatRelative(new Date(now.getTime() - 86400_000), now)).toBe("yesterday");
    expect(formatRelative(new Date(now.getTime() - 40 * 86400_000), now)).toBe("last month");
  });
});
