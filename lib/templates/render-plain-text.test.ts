import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { analyseTemplate } from "./analyse-template";
import { compileTemplate, renderMessage, type TRenderedContent } from "./render-message";
import { ZTemplateContent } from "./template-content";
import { sampleContext, sampleEmail } from "./testing/sample-templates";

/** An email template's own plain-text version (`plainText`) against the one derived from its HTML. */

const compile = (input: unknown) => compileTemplate(ZTemplateContent.parse(input));
function email(
  r: ReturnType<typeof renderMessage>,
): Extract<TRenderedContent, { channel: "email" }> {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  if (r.content.channel !== "email") throw new Error("not an email");
  return r.content;
}
const track = (url: string, i: number) => `https://wm.test/c/${i}?to=${encodeURIComponent(url)}`;

describe("an email's plain-text version", () => {
  it("is rendered with Liquid per contact and sent as the text part, HTML unchanged", async () => {
    const withText = await compile({
      ...sampleEmail(),
      plainText:
        'Hi {{ contact.firstName | default: "there" }} & welcome to {{ workspace.name }}.\n' +
        "Unsubscribe: {{ message.unsubscribeUrl }}",
    });
    const without = await compileTemplate(sampleEmail());
    const m = email(renderMessage(withText, sampleContext(), { trackClick: track }));
    // Text mode: nothing HTML-escaped, line breaks kept, the author's words only.
    expect(m.text).toBe(
      "Hi Ana & welcome to Acme.\nUnsubscribe: https://wm.test/u/m-1?sig=abc&x=1",
    );
    expect(m.html).toBe(email(renderMessage(without, sampleContext(), { trackClick: track })).html);
  });

  it("absent or blank: the text part is derived from the HTML, as before", async () => {
    for (const plainText of [undefined, "", "  \n "]) {
      const compiled = await compile({ ...sampleEmail(), plainText });
      const m = email(renderMessage(compiled, sampleContext()));
      expect(m.text).toContain("Hi Ana 👋");
      expect(m.text).toContain("Unsubscribe https://wm.test/u/m-1?sig=abc&x=1");
    }
  });

  it("skips a contact missing a value it prints without a default, like the body", async () => {
    const compiled = await compile({ ...sampleEmail(), plainText: "Code {{ contact.coupon }}" });
    expect(renderMessage(compiled, sampleContext())).toMatchObject({
      ok: false,
      issue: { code: "missingValue", values: { variable: "contact.coupon" } },
    });
  });

  it("a Liquid syntax error is a field error at plainText, in a variant under its locale", async () => {
    const bad = { ...sampleEmail(), plainText: "Hi {{ contact.firstName " };
    const err = await compile(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields ?? {})).toEqual(["plainText"]);
    const variant = await compile({
      ...sampleEmail(),
      variants: { vi: { ...sampleEmail(), plainText: "{% if %}" } },
    }).catch((e: unknown) => e);
    expect(Object.keys((variant as ValidationError).fields ?? {})).toEqual([
      "variants.vi.plainText",
    ]);
    expect(analyseTemplate(ZTemplateContent.parse(bad)).errors.map((e) => e.path)).toEqual([
      "plainText",
    ]);
  });

  it("its variables are analysed like the other fields", () => {
    const a = analyseTemplate(
      ZTemplateContent.parse({ ...sampleEmail(), plainText: "{{ contact.attributes.tier }}" }),
    );
    expect(a.variables.find((v) => v.name === "contact.attributes.tier")).toMatchObject({
      required: true,
      uses: [expect.objectContaining({ path: "plainText" })],
    });
  });

  it("a locale variant has its own plain-text version", async () => {
    const compiled = await compile({
      ...sampleEmail(),
      plainText: "Hello {{ contact.firstName }}",
      variants: { vi: { ...sampleEmail(), plainText: "Xin chào {{ contact.firstName }}" } },
    });
    expect(email(renderMessage(compiled.variants!.vi!, sampleContext())).text).toBe("Xin chào Ana");
    expect(email(renderMessage(compiled, sampleContext())).text).toBe("Hello Ana");
  });
});
