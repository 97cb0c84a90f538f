import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requestLocaleFromHeaders, zodErrorMap } from "./zod-errors";

describe("zod messages per locale", () => {
  const schema = z.object({ name: z.string().min(3), email: z.string().min(1, "Enter an email") });
  it("words zod's built-in checks in the caller's language and keeps a schema's own", () => {
    const r = schema.safeParse({ name: "a", email: "" }, { error: zodErrorMap("vi") });
    expect(r.success).toBe(false);
    const [name, email] = r.error!.issues;
    expect(name!.message).toMatch(/quá nhỏ|Quá nhỏ/i);
    expect(email!.message).toBe("Enter an email");
    const zh = schema.safeParse({ name: "a", email: "x" }, { error: zodErrorMap("zh-CN") });
    expect(zh.error!.issues[0]!.message).toMatch(/过小|太小/);
  });
  it("reads the UI language from the cookie, then Accept-Language", () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(requestLocaleFromHeaders(h({ cookie: "a=1; waymark_locale=zh-CN" }))).toBe("zh-CN");
    expect(requestLocaleFromHeaders(h({ "accept-language": "vi-VN,vi;q=0.9" }))).toBe("vi");
    expect(requestLocaleFromHeaders(h({}))).toBe("en");
  });
});
