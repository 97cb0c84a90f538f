import { describe, expect, it } from "vitest";
import { renderEmailLayout } from "./render-email";
import { ZEmailContent } from "./template-content";
import { sampleEmail } from "./testing/sample-templates";

const stripMarkers = (s: string) => s.replace(/\uE000\d+\uE001|[\uE002\uE003]/g, "");

describe("renderEmailLayout", () => {
  it("renders every block into a table layout with inline styles", async () => {
    const { html, text, links } = await renderEmailLayout(sampleEmail());
    const clean = stripMarkers(html);
    expect(clean).toMatch(/^<!DOCTYPE html/);
    expect(clean).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    );
    expect(clean).toContain('role="presentation"');
    expect(clean).toContain("max-width:600px");
    expect(clean).toContain("font-family:Helvetica, Arial, sans-serif");
    expect(clean).toMatch(
      /<img alt="Acme" src="https:\/\/cdn.acme.test\/logo.png" style="[^"]*max-width:120px[^"]*" width="120"\/>/,
    );
    expect(clean).toMatch(/<h1[^>]*>Hi \{\{ contact.firstName \| default: "there" \}\} 👋<\/h1>/);
    expect(clean).toContain("<strong>{{ workspace.name }}</strong>");
    expect(clean).toContain('<em>{{ contact.plan | default: "free" }}</em>');
    expect(clean).toContain(
      'href="https://docs.acme.test/start?ref=email&amp;plan={{ contact.plan | default: "free" }}"',
    );
    expect(clean).toContain(
      'href="https://app.acme.test/w/{{ contact.userId }}?utm_source=email&amp;utm_medium=welcome"',
    );
    expect(clean).toMatch(/background-color:#7c3aed[^"]*"[^>]*>.*Open your dashboard/);
    expect(clean).toContain("border-top:1px solid #e5e7eb");
    expect(clean.match(/class="wm-col"/g)).toHaveLength(2);
    expect(clean).toContain("@media only screen and (max-width: 620px)");
    expect(clean).toContain('href="{{ message.unsubscribeUrl }}"');
    expect(clean).toContain("{% if message.viewInBrowserUrl %}");
    expect(clean).not.toContain('rel="preload"');
    // Links are registered in order; unsubscribe, preferences and view-in-browser are never
    // click-tracked.
    expect(links).toEqual([
      { tracked: true },
      { tracked: true },
      { tracked: false },
      { tracked: false },
      { tracked: false },
    ]);
    expect(clean).toContain("{% if message.preferencesUrl %}");
    expect(html.indexOf("\uE003</body>")).toBeGreaterThan(0);

    expect(stripMarkers(text)).toContain('Hi {{ contact.firstName | default: "there" }} 👋');
    expect(stripMarkers(text)).toContain(
      "Open your dashboard https://app.acme.test/w/{{ contact.userId }}?utm_source=email&utm_medium=welcome",
    );
    expect(stripMarkers(text)).toContain("Unsubscribe {{ message.unsubscribeUrl }}");
    expect(text).not.toContain("Your {{"); // the preheader is not part of the text
  });

  it("keeps Liquid byte for byte through React, in text and in attributes", async () => {
    const tricky = `{{ contact.firstName | default: "O'Brien & <co>" }}`;
    const tag = `{% if contact.plan == "pro" and contact.seats > 3 %}`;
    const content = ZEmailContent.parse({
      channel: "email",
      subject: "s",
      preheader: tricky,
      blocks: [
        { id: "t", type: "text", text: `${tag}Pro: ${tricky}{% endif %}` },
        {
          id: "i",
          type: "image",
          src: `{{ contact.avatar | default: "https://x.test/a.png?a=1&b=2" }}`,
          alt: tricky,
        },
        {
          id: "b",
          type: "button",
          label: tricky,
          url: `{{ event.properties.url | append: "&x=\\"1\\"" }}`,
        },
      ],
    });
    const { html, text } = await renderEmailLayout(content);
    const count = (s: string, sub: string) => s.split(sub).length - 1;
    expect(count(html, tricky)).toBe(4); // preheader, text, alt, button label
    expect(html).toContain(tag);
    expect(html).toContain(`src="{{ contact.avatar | default: "https://x.test/a.png?a=1&b=2" }}"`);
    expect(html).toContain(`{{ event.properties.url | append: "&x=\\"1\\"" }}\uE002"`);
    const spans = html.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? [];
    expect(spans.length).toBe(8); // preheader, if + output + endif, src, alt, url, label
    for (const span of spans) expect(span).not.toMatch(/&(quot|amp|lt|gt|#x27);/);
    expect(html).not.toMatch(/[\uE010\uE011]/);
    expect(count(text, tricky)).toBe(2);
    expect(text).toContain(tag);
  });

  it("never makes an image wider than the space it sits in", async () => {
    const img = (id: string) => ({
      id,
      type: "image",
      src: "https://x.test/a.png",
      alt: "",
      width: 800,
    });
    const content = ZEmailContent.parse({
      channel: "email",
      subject: "s",
      theme: { contentWidth: 600 },
      blocks: [
        img("full"),
        {
          id: "c",
          type: "columns",
          columns: [{ blocks: [img("a")] }, { blocks: [] }, { blocks: [img("b")] }],
        },
      ],
    });
    const { html } = await renderEmailLayout(content);
    expect(html.match(/width="\d+"\/>/g)).toEqual([
      'width="536"/>',
      'width="168"/>',
      'width="168"/>',
    ]);
  });

  it("escapes static text and never lets markup through", async () => {
    const content = ZEmailContent.parse({
      channel: "email",
      subject: "s",
      blocks: [{ id: "t", type: "text", text: `<script>alert(1)</script> "quoted" \uE003` }],
    });
    const { html } = await renderEmailLayout(content);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; </span>");
    expect(html.match(/\uE003/g)).toHaveLength(1); // only the pixel marker, not the pasted one
  });
});
