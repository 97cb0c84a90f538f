import { describe, expect, it } from "vitest";
import { analyseTemplate } from "@/lib/templates/analyse-template";
import { buildRenderContext } from "@/lib/templates/render-context";
import { compileTemplate, renderMessage } from "@/lib/templates/render-message";
import { ZTemplateContent } from "@/lib/templates/template-content";
import { DEMO_TEMPLATES } from "./demo-templates";

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
  it.each(DEMO_TEMPLATES.map((t) => [t.name, t.content] as const))(
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
