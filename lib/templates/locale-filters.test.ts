import { describe, expect, it } from "vitest";
import { buildRenderContext, type TRenderContact } from "./render-context";
import { compileField, renderField } from "./personalise";

const contact = (locale: string | null, timezone: string | null): TRenderContact => ({
  externalId: "u-1",
  email: "a@example.test",
  phone: null,
  timezone,
  locale,
  country: null,
  city: null,
  attributes: { total: 1234567.891, share: 0.256, placedAt: "2026-03-08T06:30:00Z" },
});
const render = (
  source: string,
  c: TRenderContact,
  workspaceZone: string | null = "UTC",
  mode: "text" | "html" = "text",
) =>
  renderField(
    compileField("f", mode, source),
    buildRenderContext({ contact: c, workspace: { name: "Acme", timezone: workspaceZone } }),
    // Intl separates some parts with no-break spaces; the tests read them as spaces.
  ).replace(/[\u00a0\u202f]/g, " ");

describe("date filter: the contact's locale and time zone", () => {
  it("names months in the contact's language and shifts to their zone", () => {
    const src = '{{ contact.placedAt | date: "%d %B %Y %H:%M" }}';
    expect(render(src, contact("en-US", "America/New_York"))).toBe("08 March 2026 01:30");
    expect(render(src, contact("vi", "Asia/Ho_Chi_Minh"))).toBe("08 Tháng 3 2026 13:30");
    expect(render(src, contact("zh-CN", "Asia/Shanghai"))).toBe("08 三月 2026 14:30");
  });

  it("named styles go through Intl for each locale", () => {
    const src = '{{ contact.placedAt | date: "long" }}';
    expect(render(src, contact("en", "Asia/Ho_Chi_Minh"))).toBe("March 8, 2026");
    expect(render(src, contact("vi-VN", "Asia/Ho_Chi_Minh"))).toBe("8 tháng 3, 2026");
    expect(render(src, contact("zh-CN", "Asia/Shanghai"))).toBe("2026年3月8日");
    expect(
      render('{{ contact.placedAt | date: "datetime" }}', contact("vi", "Asia/Ho_Chi_Minh")),
    ).toBe("13:30 8 thg 3, 2026");
  });

  it("follows daylight saving: the same UTC hour a day apart reads an hour apart in New York", () => {
    const c = contact("en", "America/New_York");
    // DST began at 02:00 local on 8 March 2026.
    expect(render('{{ "2026-03-07T12:00:00Z" | date: "%H:%M %z" }}', c)).toBe("07:00 -0500");
    expect(render('{{ "2026-03-09T12:00:00Z" | date: "%H:%M %z" }}', c)).toBe("08:00 -0400");
    expect(render('{{ "2026-11-02T12:00:00Z" | date: "time" }}', c)).toBe("7:00 AM");
  });

  it("falls back to the workspace's zone, then UTC; a bad locale or zone is ignored", () => {
    const src = '{{ contact.placedAt | date: "%H:%M" }}';
    expect(render(src, contact(null, null), "Asia/Tokyo")).toBe("15:30");
    expect(render(src, contact("not a locale!", "Mars/Olympus"), null)).toBe("06:30");
    expect(render('{{ contact.placedAt | date: "long" }}', contact("vi_VN", null))).toBe(
      "8 tháng 3, 2026",
    );
  });

  it("an explicit zone argument wins over the contact's", () => {
    expect(
      render('{{ contact.placedAt | date: "%H:%M", "Asia/Tokyo" }}', contact("en", "UTC")),
    ).toBe("15:30");
  });

  it("reads the locale from an attribute when the profile has none", () => {
    const c = {
      ...contact(null, "UTC"),
      attributes: { ...contact(null, null).attributes, locale: "vi" },
    };
    expect(render('{{ contact.placedAt | date: "long" }}', c)).toBe("8 tháng 3, 2026");
  });
});

describe("number, currency and percent filters", () => {
  it("group digits and pick separators by locale", () => {
    expect(render("{{ contact.total | number: 2 }}", contact("en", null))).toBe("1,234,567.89");
    expect(render("{{ contact.total | number: 2 }}", contact("vi", null))).toBe("1.234.567,89");
    expect(render("{{ contact.total | number: 0 }}", contact("zh-CN", null))).toBe("1,234,568");
    expect(render("{{ 1234.5 | number }}", contact("vi", null))).toBe("1.234,5");
  });

  it("currency formats with the code given, in the contact's locale", () => {
    expect(render('{{ 250000 | currency: "VND" }}', contact("vi", null))).toBe("250.000 ₫");
    expect(render('{{ 19.9 | currency: "USD" }}', contact("en-US", null))).toBe("$19.90");
    expect(render('{{ 88 | currency: "CNY" }}', contact("zh-CN", null))).toBe("¥88.00");
    expect(render('{{ 5 | currency: "nope" }}', contact("en", null))).toBe("5");
  });

  it("percent, and non-numbers pass through untouched", () => {
    expect(render("{{ contact.share | percent: 1 }}", contact("vi", null))).toBe("25,6%");
    expect(render("{{ contact.share | percent }}", contact("en", null))).toBe("26%");
    expect(render('{{ "soon" | number }}', contact("en", null))).toBe("soon");
  });

  it("works in the HTML engine too (escaped like any output)", () => {
    expect(render('{{ 250000 | currency: "VND" }}', contact("vi", null), "UTC", "html")).toBe(
      "250.000 ₫",
    );
  });
});
