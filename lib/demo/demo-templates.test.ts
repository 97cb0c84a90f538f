import { describe, expect, it } from "vitest";
import { analyseTemplate } from "@/lib/templates/analyse-template";
import { buildRenderContext } from "@/lib/templates/render-context";
import {
  chooseCompiledVariant,
  compileTemplate,
  renderMessage,
} from "@/lib/templates/render-message";
import { ZTemplateContent } from "@/lib/templates/template-content";
import { DEMO_TEMPLATES } from "./demo-templates";
import { ORDER_CONFIRMATION } from "./demo-transactional";

const ada = {
  externalId: "u1",
  email: "ada@example.com",
  phone: "+14155550123",
  timezone: null,
  locale: null,
  country: null,
  city: null,
  attributes: { firstName: "Ada" },
};

describe("demo templates", () => {
  it.each([...DEMO_TEMPLATES, ORDER_CONFIRMATION].map((t) => [t.name, t.content] as const))(
    "%s is complete, known-variable Liquid that renders for a contact",
    async (_name, content) => {
      const parsed = ZTemplateContent.parse(content);
      const analysis = analyseTemplate(parsed, { attributes: ["firstName"] });
      expect(analysis.errors).toEqual([]);
      expect(analysis.variables.filter((v) => !v.known)).toEqual([]);
      const rendered = renderMessage(
        await compileTemplate(parsed),
        buildRenderContext({
          contact: ada,
          event: null,
          workspace: { name: "Acme Demo" },
          message: { id: "m1", unsubscribeUrl: "https://x.test/u" },
        }),
      );
      expect(rendered.ok && JSON.stringify(rendered.content)).toContain("Ada");
    },
  );

  it("the welcome email greets by first name, with bold text, a link and a button", async () => {
    const email = DEMO_TEMPLATES.find((t) => t.name === "Welcome email")!.content;
    const r = renderMessage(
      await compileTemplate(ZTemplateContent.parse(email)),
      buildRenderContext({
        contact: { ...ada, attributes: {} },
        event: null,
        workspace: { name: "Acme Demo" },
        message: { id: "m1", unsubscribeUrl: "https://x.test/u" },
      }),
    );
    if (!r.ok || r.content.channel !== "email") throw new Error("not rendered");
    expect(r.content.html).toContain("Hi there, welcome aboard!");
    expect(r.content.html).toMatch(/<strong>delighted<\/strong>/);
    expect(r.content.html).toContain('href="https://acme.example/guide"');
    expect(r.content.html).toContain("Open your dashboard");
  });
});

describe("demo welcome email's locale variants", () => {
  it("a vi-VN contact reads it in Vietnamese, a zh-CN contact in Chinese, others in English", async () => {
    const welcome = DEMO_TEMPLATES.find((t) => t.name === "Welcome email")!;
    const compiled = await compileTemplate(ZTemplateContent.parse(welcome.content));
    const subjectFor = (locale: string | null) => {
      const chosen = chooseCompiledVariant(compiled, locale);
      const r = renderMessage(
        chosen.compiled,
        buildRenderContext({
          contact: { ...ada, locale },
          workspace: { name: "Acme Demo" },
          message: { id: "m1", unsubscribeUrl: "https://x.test/u" },
        }),
      );
      return r.ok && r.content.channel === "email" ? r.content.subject : null;
    };
    expect(subjectFor("vi-VN")).toBe("Chào mừng Ada đến với Acme!");
    expect(subjectFor("zh-CN")).toBe("Ada，欢迎加入 Acme！");
    expect(subjectFor("ja-JP")).toBe("Welcome to Acme, Ada!");
  });
});
