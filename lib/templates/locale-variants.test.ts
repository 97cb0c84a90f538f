import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { pickVariant } from "./locale-variants";
import { buildRenderContext } from "./render-context";
import { chooseCompiledVariant, compileTemplate, renderMessage } from "./render-message";
import { ZTemplateContent } from "./template-content";
import { analyseTemplate } from "./analyse-template";

describe("pickVariant: exact tag, then language, then the default", () => {
  const tags = ["vi", "zh-CN", "pt-BR", "pt"];
  it.each([
    ["vi", "vi"],
    ["vi-VN", "vi"],
    ["vi_VN", "vi"],
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh", "zh-CN"],
    ["pt-BR", "pt-BR"],
    ["pt-PT", "pt"],
    ["en-US", null],
    ["", null],
    [null, null],
    ["not a tag!", null],
  ])("%s → %s", (locale, expected) => expect(pickVariant(tags, locale)).toBe(expected));

  it("no variants: always the default", () => expect(pickVariant([], "vi")).toBeNull());
});

const sms = (body: string, variants?: Record<string, { body: string }>) =>
  ZTemplateContent.parse({ channel: "sms", body, ...(variants && { variants }) });
const ctx = (locale: string | null) =>
  buildRenderContext({
    contact: {
      externalId: "u-1",
      email: null,
      phone: "+84900000001",
      timezone: "Asia/Ho_Chi_Minh",
      locale,
      country: null,
      city: null,
      attributes: { firstName: "Lan", total: 250000 },
    },
    workspace: { name: "Acme" },
  });

describe("compiled variants", () => {
  it("renders the contact's variant, with its own locale's formatting, and the default otherwise", async () => {
    const compiled = await compileTemplate(
      sms('Hi {{ contact.firstName }}, total {{ contact.total | currency: "VND" }}', {
        vi: { body: 'Chào {{ contact.firstName }}, tổng {{ contact.total | currency: "VND" }}' },
        "zh-CN": { body: "{{ contact.firstName }}，您好" },
      }),
    );
    const body = (locale: string | null) => {
      const chosen = chooseCompiledVariant(compiled, locale);
      const r = renderMessage(chosen.compiled, ctx(locale));
      if (!r.ok || r.content.channel !== "sms") throw new Error("render failed");
      return { locale: chosen.locale, body: r.content.body.replace(/[\u00a0\u202f]/g, " ") };
    };
    expect(body("vi-VN")).toEqual({ locale: "vi", body: "Chào Lan, tổng 250.000 ₫" });
    expect(body("zh-CN")).toEqual({ locale: "zh-CN", body: "Lan，您好" });
    // No French variant: the default content, still formatted the French way.
    expect(body("fr")).toEqual({ locale: null, body: "Hi Lan, total 250 000 ₫" });
    expect(body(null)).toEqual({ locale: null, body: "Hi Lan, total ₫250,000" });
  });

  it("a syntax error in a variant is reported under the variant's path", async () => {
    const err = await compileTemplate(sms("Hi", { vi: { body: "Chào {{ contact.firstName " } }))
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields ?? {})).toEqual(["variants.vi.body"]);
  });

  it("the analysis checks every variant's Liquid and variables", () => {
    const a = analyseTemplate(
      sms("Hi {{ contact.firstName }}", { vi: { body: "Chào {{ contact.nickname }} {% if %}" } }),
    );
    expect(a.errors.map((e) => e.path)).toEqual(["variants.vi.body"]);
    const b = analyseTemplate(sms("Hi", { vi: { body: "Chào {{ contact.nickname }}" } }));
    expect(b.variables.map((v) => [v.name, v.known, v.uses[0]!.path])).toEqual([
      ["contact.nickname", false, "variants.vi.body"],
    ]);
  });

  it("variant tags must be canonical BCP 47 and each variant is validated like the default", () => {
    const r = ZTemplateContent.safeParse({
      channel: "sms",
      body: "Hi",
      variants: { "zh-cn": { body: "你好" }, vi: { body: " " } },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("variants.zh-cn");
    expect(paths).toContain("variants.vi.body");
  });
});
