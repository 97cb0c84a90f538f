import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";

describe("locale negotiation", () => {
  it("picks the best shipped language from Accept-Language", () => {
    expect(negotiateLocale("vi-VN,vi;q=0.9,en-US;q=0.8")).toBe("vi");
    expect(negotiateLocale("zh-CN,zh;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("zh-Hans-SG")).toBe("zh-CN");
    expect(negotiateLocale("fr-FR,en;q=0.5,vi;q=0.7")).toBe("vi");
    expect(negotiateLocale("zh-TW,fr")).toBe("en");
    expect(negotiateLocale("de;q=0, vi;q=0")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });
  it("prefers the account's choice, then the cookie, then the browser", () => {
    expect(resolveLocale({ account: "vi", cookie: "zh-CN", acceptLanguage: "en" })).toBe("vi");
    expect(resolveLocale({ account: null, cookie: "zh-CN", acceptLanguage: "vi" })).toBe("zh-CN");
    expect(resolveLocale({ account: "xx", cookie: "yy", acceptLanguage: "vi" })).toBe("vi");
  });
});
