import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatRelative,
  formatTime,
  formatWeekdayDate,
} from "./dates";
import { formatCompact, formatCurrency, formatNumber, formatPercent } from "./numbers";

describe("dates", () => {
  const d = new Date("2026-03-04T23:30:00Z");
  it("formats in the workspace's time zone", () => {
    expect(formatDateTime(d, "UTC", "en")).toBe("4 Mar 2026, 23:30");
    expect(formatDateTime(d, "Europe/Paris", "en")).toBe("5 Mar 2026, 00:30");
    expect(formatDate(d, "America/New_York", "en")).toBe("4 Mar 2026");
  });
  it("formats in the viewer's locale", () => {
    expect(formatDate(d, "UTC", "vi")).toBe("4 thg 3, 2026");
    expect(formatDate(d, "UTC", "zh-CN")).toBe("2026年3月4日");
    expect(formatDateTime(d, "Asia/Ho_Chi_Minh", "vi")).toContain("06:30");
    expect(formatTime(d, "Asia/Shanghai", "zh-CN")).toBe("07:30:00");
  });
  it("words a lock screen's day and clock per locale", () => {
    const d = new Date("2026-11-23T09:41:00Z");
    expect(formatWeekdayDate(d, "UTC", "en")).toBe("Monday 23 November");
    expect(formatWeekdayDate(d, "UTC", "vi")).toBe("Thứ Hai, 23 tháng 11");
    expect(formatWeekdayDate(d, "UTC", "zh-CN")).toBe("11月23日星期一");
    expect(formatClock(d, "UTC", "vi")).toBe("09:41");
    expect(formatClock(d, "Asia/Ho_Chi_Minh", "en")).toBe("16:41");
  });
  it("says how long ago, per locale", () => {
    const now = new Date("2026-03-05T00:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(formatRelative(ago(20_000), now, "en")).toBe("now");
    expect(formatRelative(ago(3 * 3600_000), now, "en")).toBe("3 hours ago");
    expect(formatRelative(ago(86400_000), now, "en")).toBe("yesterday");
    expect(formatRelative(ago(40 * 86400_000), now, "en")).toBe("last month");
    expect(formatRelative(ago(3 * 3600_000), now, "vi")).toBe("3 giờ trước");
    expect(formatRelative(ago(86400_000), now, "zh-CN")).toBe("昨天");
  });
});

describe("numbers", () => {
  it("groups digits per locale", () => {
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatNumber(1234567, "vi")).toBe("1.234.567");
    expect(formatNumber(1234567, "zh-CN")).toBe("1,234,567");
  });
  it("compacts, percents and currencies", () => {
    expect(formatCompact(12_300, "en")).toBe("12K");
    expect(formatCompact(12_300, "zh-CN")).toBe("1.2万");
    expect(formatPercent(0.125, "en")).toBe("12.5%");
    expect(formatPercent(0.125, "vi")).toBe("12,5%");
    expect(formatCurrency(1234.5, "USD", "en")).toBe("$1,234.50");
    expect(formatCurrency(1234.5, "VND", "vi")).toMatch(/^1\.235\s₫$/);
    expect(formatCurrency(1234.5, "CNY", "zh-CN")).toBe("¥1,234.50");
  });
});
