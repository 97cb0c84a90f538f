import { describe, expect, it } from "vitest";
import { buildRenderContext } from "@/lib/templates/render-context";
import { compileTemplate, renderMessage } from "@/lib/templates/render-message";
import { convertTemplate } from "./convert-template";
import { fixture } from "./testing/load-fixture";

const paths = (notes: { path: string }[]) => notes.map((n) => n.path);

describe("convertTemplate", () => {
  it("imports an HTML email as one HTML block with its subject, defaults and report", async () => {
    const t = convertTemplate(fixture("templates/welcome-email.json"));
    expect(t.notes.errors).toEqual([]);
    expect(t.channel).toBe("email");
    expect(t.name).toBe("Welcome");
    const content = t.content as Extract<typeof t.content, { channel: "email" }>;
    expect(content.subject).toBe('Welcome, {{ contact.attributes.FirstName | default: "there" }}!');
    expect(content.blocks).toHaveLength(1);
    const block = content.blocks[0] as { type: string; html: string };
    expect(block.type).toBe("html");
    expect(block.html).toMatch(
      /^<h1>Hi \{\{ contact\.attributes\.FirstName \| default: "there" \}\}<\/h1>/,
    );
    expect(block.html).toContain(
      "{% for item in contact.attributes.Interests %}<li>{{ item }}</li>{% endfor %}",
    );
    expect(block.html).not.toContain("<body");
    expect(paths(t.notes.unsupported)).toEqual(expect.arrayContaining(["HtmlPart", "Headers"]));
    // The text part is kept as the plain-text version, so the report no longer mentions it.
    expect(content.plainText).toBe(
      'Hi {{ contact.attributes.FirstName | default: "there" }}, welcome.',
    );
    const notes = [...t.notes.approximated, ...t.notes.unsupported, ...t.notes.errors];
    expect(paths(notes)).not.toContain("TextPart");
    await expect(compileTemplate(t.content!)).resolves.toBeTruthy();
  });

  it("keeps a TextPart alone verbatim as the plain-text version beside its text block", () => {
    const t = convertTemplate({
      TemplateName: "Plain",
      TemplateType: "EMAIL",
      Subject: "Hi",
      TextPart: "Hi {{Attributes.Name}},\n\n*not bold*: https://example.com",
    });
    expect(t.notes.errors).toEqual([]);
    expect(t.content).toMatchObject({
      channel: "email",
      blocks: [{ type: "text" }],
      plainText:
        'Hi {{ contact.attributes.Name | default: "" }},\n\n*not bold*: https://example.com',
    });
  });

  it("renders the imported email for an imported contact: subject, HTML block and defaults", async () => {
    const t = convertTemplate(fixture("templates/welcome-email.json"));
    const compiled = await compileTemplate(t.content!);
    const context = (attributes: Record<string, unknown>) =>
      buildRenderContext({
        contact: {
          externalId: "user-ann",
          email: "ann@example.com",
          phone: null,
          timezone: null,
          locale: null,
          country: null,
          city: null,
          attributes,
        },
        workspace: { name: "Acme" },
      });
    const ann = renderMessage(
      compiled,
      context({ FirstName: "Ann", Plan: "pro", Interests: ["shoes", "hats"] }),
    );
    if (!ann.ok || ann.content.channel !== "email")
      throw new Error(`not rendered: ${JSON.stringify(ann)}`);
    expect(ann.content.subject).toBe("Welcome, Ann!");
    expect(ann.content.html).toContain("<h1>Hi Ann</h1>");
    expect(ann.content.html).toContain("Thanks for being PRO.");
    expect(ann.content.html).toContain("<li>shoes</li><li>hats</li>");
    expect(ann.content.text).toBe("Hi Ann, welcome.");
    const nobody = renderMessage(compiled, context({}));
    if (!nobody.ok || nobody.content.channel !== "email")
      throw new Error(`not rendered: ${JSON.stringify(nobody)}`);
    expect(nobody.content.subject).toBe("Welcome, there!");
    expect(nobody.content.html).toContain("Pick a plan.");
    expect(nobody.content.text).toBe("Hi there, welcome.");
  });

  it("imports SMS, push, voice and in-app templates to their kinds", async () => {
    const sms = convertTemplate(fixture("templates/nudge-sms.json"));
    expect(sms.content).toEqual({
      channel: "sms",
      body: '{{ contact.attributes.FirstName | default: "Hi" }}, your cart is waiting. {% if contact.attributes.Plan == "pro" %}Pro members ship free.{% endif %}',
    });
    const push = convertTemplate(fixture("templates/sale-push.json"));
    expect(push.content).toMatchObject({
      channel: "push",
      title: 'Sale for {{ contact.attributes.FirstName | default: "" }}',
      body: "20% off today",
      imageUrl: "https://example.com/sale.png",
      deepLink: "myapp://sale",
    });
    expect(paths(push.notes.unsupported)).toEqual(expect.arrayContaining(["RawContent", "Sound"]));
    const voice = convertTemplate(fixture("templates/reminder-voice.json"));
    expect(voice.content).toMatchObject({
      channel: "voice",
      voice: "Polly.Joanna",
      language: "en-US",
    });
    const inApp = convertTemplate(fixture("templates/banner-inapp.json"));
    expect(inApp.content).toMatchObject({
      channel: "in_app",
      title: "New feature",
      body: "Try the new dashboard",
      buttons: [
        { label: "Open", action: "url", value: "https://example.com/dashboard" },
        { label: "Later", action: "dismiss" },
      ],
    });
    expect(paths(inApp.notes.unsupported)).toEqual(
      expect.arrayContaining(["Content", "CustomConfig"]),
    );
    for (const t of [sms, push, voice, inApp])
      await expect(compileTemplate(t.content!)).resolves.toBeTruthy();
  });

  it("reports a template it cannot make, by field", () => {
    expect(convertTemplate({ TemplateName: "x", TemplateType: "FAX" }).notes.errors).toEqual([
      { path: "TemplateType", message: "must be EMAIL, SMS, PUSH, VOICE or INAPP" },
    ]);
    const empty = convertTemplate({ TemplateName: "x", TemplateType: "SMS", Body: "" });
    expect(empty.content).toBeNull();
    expect(paths(empty.notes.errors)).toEqual(["body"]);
    expect(
      paths(
        convertTemplate({
          TemplateName: "x",
          TemplateType: "SMS",
          Body: "a",
          DefaultSubstitutions: "{",
        }).notes.errors,
      ),
    ).toEqual(["DefaultSubstitutions"]);
  });
});
