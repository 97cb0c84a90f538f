import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getCompiledTemplate } from "./compiled-template-cache";
import { compileTemplate, renderMessage, type TRenderedContent } from "./render-message";
import { ZTemplateContent } from "./template-content";
import { sampleContext, sampleEmail } from "./testing/sample-templates";

const compile = (input: unknown) => compileTemplate(ZTemplateContent.parse(input));
function ok(r: ReturnType<typeof renderMessage>): TRenderedContent {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r.content;
}
function email(r: ReturnType<typeof renderMessage>) {
  const c = ok(r);
  if (c.channel !== "email") throw new Error("not an email");
  return c;
}
const track = (url: string, i: number) =>
  `https://wm.test/c/m-1/${i}?to=${encodeURIComponent(url)}`;

describe("renderMessage: email", () => {
  it("personalises subject, preheader, HTML and text, tracks links and adds the pixel", async () => {
    const compiled = await compileTemplate(sampleEmail());
    const m = email(
      renderMessage(compiled, sampleContext(), {
        trackClick: track,
        openPixelUrl: "https://wm.test/o/m-1.gif?s=1&t=2",
      }),
    );
    expect(m.subject).toBe("Welcome to Acme, Ana");
    expect(m.preheader).toBe("Your pro plan is ready");
    expect(m.html).toMatch(/<h1[^>]*>Hi Ana 👋<\/h1>/);
    expect(m.html.replace(/<\/?span>/g, "")).toContain(
      "Thanks for joining <strong>Acme</strong> on the <em>pro</em> plan.<br/>Read the ",
    );
    expect(m.html).toContain(
      `href="https://wm.test/c/m-1/0?to=${encodeURIComponent("https://docs.acme.test/start?ref=email&plan=pro")}"`,
    );
    expect(m.html).toContain(
      `href="https://wm.test/c/m-1/1?to=${encodeURIComponent("https://app.acme.test/w/u-42?utm_source=email&utm_medium=welcome")}"`,
    );
    // The unsubscribe link is the message's own, untracked, attribute-encoded.
    expect(m.html).toContain('href="https://wm.test/u/m-1?sig=abc&amp;x=1"');
    expect(m.html).not.toContain("View in browser");
    expect(m.html).toMatch(
      /<img src="https:\/\/wm.test\/o\/m-1.gif\?s=1&amp;t=2" width="1" height="1"[^>]*\/><\/body><\/html>$/,
    );
    expect(m.html).toContain("Reach them at the right time in Lisbon.");
    expect(m.html).not.toMatch(/\{\{|\{%|[\uE000-\uE01F]/);
    expect(m.text).toContain("Hi Ana 👋");
    expect(m.text).toContain(
      `Open your dashboard https://wm.test/c/m-1/1?to=${encodeURIComponent("https://app.acme.test/w/u-42?utm_source=email&utm_medium=welcome")}`,
    );
    expect(m.text).toContain("Unsubscribe https://wm.test/u/m-1?sig=abc&x=1");
    expect(m.text).not.toMatch(/\{\{|\{%|[\uE000-\uE01F]|<\w/);
  });

  it("is a preview when given no tracking: plain links, no pixel, view-in-browser when known", async () => {
    const compiled = await compileTemplate(sampleEmail());
    const m = email(
      renderMessage(
        compiled,
        sampleContext({
          message: {
            unsubscribeUrl: "https://wm.test/u/p",
            viewInBrowserUrl: "https://wm.test/v/p",
          },
        }),
      ),
    );
    expect(m.html).toContain(
      'href="https://app.acme.test/w/u-42?utm_source=email&amp;utm_medium=welcome"',
    );
    expect(m.html).toContain('href="https://wm.test/v/p"');
    expect(m.html).not.toContain('<img src="https://wm.test/o');
    expect(m.html).toMatch(/<\/table><!--\/\$--><\/body><\/html>$/);
  });

  it("uses defaults for missing values and skips when a value without one is missing", async () => {
    const compiled = await compileTemplate(sampleEmail());
    const bare = sampleContext({
      contact: {
        externalId: "u-1",
        email: "x@y.z",
        phone: null,
        timezone: null,
        locale: null,
        country: null,
        city: null,
        attributes: {},
      },
    });
    const m = email(renderMessage(compiled, bare));
    expect(m.subject).toBe("Welcome to Acme, friend");
    expect(m.html).toContain("Hi there 👋");
    expect(m.html).toContain("in your city.");
    const noUser = sampleContext({
      contact: {
        externalId: null,
        email: "x@y.z",
        phone: null,
        timezone: null,
        locale: null,
        country: null,
        city: null,
        attributes: {},
      },
    });
    expect(renderMessage(compiled, noUser)).toEqual({
      ok: false,
      reason: "missing value: contact.userId",
      issue: { code: "missingValue", values: { variable: "contact.userId" } },
    });
    expect(renderMessage(compiled, sampleContext({ message: {} }))).toEqual({
      ok: false,
      reason: "missing value: message.unsubscribeUrl",
      issue: { code: "missingValue", values: { variable: "message.unsubscribeUrl" } },
    });
  });

  it("escapes contact values in HTML (text and attributes) but not in the text part", async () => {
    const compiled = await compile({
      channel: "email",
      subject: "For {{ contact.firstName }}",
      blocks: [
        { id: "t", type: "text", text: "Hello {{ contact.firstName }}" },
        { id: "i", type: "image", src: "https://x.test/a.png", alt: "{{ contact.firstName }}" },
        { id: "f", type: "footer" },
      ],
    });
    const evil = `"><script>alert(1)</script>`;
    const ctx = sampleContext();
    ctx.contact.firstName = evil;
    const m = email(renderMessage(compiled, ctx));
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(m.html).toContain("Hello &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(m.subject).toBe(`For ${evil}`);
    ctx.contact.firstName = "Ana\r\nBcc: victim@example.com";
    expect(email(renderMessage(compiled, ctx)).subject).toBe("For Ana Bcc: victim@example.com");
    expect(m.text).toContain(`Hello ${evil}`);
  });

  it("neutralises a link that personalises into an unsafe scheme, and never tracks mailto", async () => {
    const compiled = await compile({
      channel: "email",
      subject: "s",
      blocks: [
        { id: "b", type: "button", label: "Go", url: "{{ contact.site }}" },
        {
          id: "t",
          type: "text",
          text: "[mail](mailto:help@acme.test) [x]({{ contact.site }}#frag)",
        },
        { id: "f", type: "footer" },
      ],
    });
    const ctx = sampleContext();
    ctx.contact.site = "javascript:alert(document.cookie)";
    const m = email(renderMessage(compiled, ctx, { trackClick: track }));
    expect(m.html).not.toContain("javascript:");
    expect(m.html.match(/href="#"/g)).toHaveLength(2);
    expect(m.html).toContain('href="mailto:help@acme.test"');
  });

  it("refuses a version with a syntax error, naming the field", async () => {
    const err = await compile({
      channel: "email",
      subject: "Hi {{ contact.firstName",
      blocks: [{ id: "t", type: "text", text: "{% if x %}open" }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields).toEqual({
      subject: expect.stringMatching(/not closed \(line 1, column 4\)/),
      "blocks.0.text": expect.stringMatching(/not closed \(line 1, column 1\)/),
    });
  });

  it("caches compiled versions by key", async () => {
    const a = getCompiledTemplate("v-cache-1", sampleEmail());
    expect(getCompiledTemplate("v-cache-1", sampleEmail())).toBe(a);
    expect(getCompiledTemplate("v-cache-2", sampleEmail())).not.toBe(a);
    expect((await a).channel).toBe("email");
  });
});

describe("renderMessage: other channels", () => {
  it("sms: plain text, no escaping", async () => {
    const compiled = await compile({
      channel: "sms",
      body: "Hi {{ contact.firstName }} & co: <b>{{ event.name }}</b>",
      senderId: "ACME",
    });
    expect(ok(renderMessage(compiled, sampleContext()))).toEqual({
      channel: "sms",
      body: "Hi Ana & co: <b>Signed Up</b>",
      senderId: "ACME",
    });
    expect(renderMessage(compiled, sampleContext({ event: null }))).toEqual({
      ok: false,
      reason: "missing value: event.name",
      issue: { code: "missingValue", values: { variable: "event.name" } },
    });
  });

  it("push: title, body, optional fields omitted when empty, string data", async () => {
    const compiled = await compile({
      channel: "push",
      title: "{{ workspace.name }}",
      body: "Welcome {{ contact.firstName }}",
      imageUrl: '{{ contact.avatar | default: "" }}',
      deepLink: "acme://plan/{{ contact.plan }}",
      data: { plan: "{{ contact.plan }}", source: "{{ event.properties.source }}" },
    });
    expect(ok(renderMessage(compiled, sampleContext()))).toEqual({
      channel: "push",
      title: "Acme",
      body: "Welcome Ana",
      imageUrl: undefined,
      deepLink: "acme://plan/pro",
      data: { plan: "pro", source: "ads" },
    });
    const ctx = sampleContext();
    ctx.contact.avatar = "file:///etc/passwd";
    expect(renderMessage(compiled, ctx)).toEqual({
      ok: false,
      reason: "imageUrl is not an http(s) URL after personalisation",
      issue: { code: "notHttpUrl", values: { field: "imageUrl" } },
    });
  });

  it("voice: SSML escapes values, plain speech does not", async () => {
    const ctx = sampleContext();
    ctx.contact.firstName = "Ana & <Bo>";
    const ssml = await compile({
      channel: "voice",
      speech: "<speak>Hello {{ contact.firstName }}<break time='1s'/></speak>",
      voice: "alice",
      language: "pt-PT",
    });
    expect(ok(renderMessage(ssml, ctx))).toEqual({
      channel: "voice",
      speech: "<speak>Hello Ana &amp; &lt;Bo&gt;<break time='1s'/></speak>",
      voice: "alice",
      language: "pt-PT",
    });
    const plain = await compile({ channel: "voice", speech: "Hello {{ contact.firstName }}" });
    expect(ok(renderMessage(plain, ctx))).toMatchObject({
      speech: "Hello Ana & <Bo>",
      voice: "alice",
      language: "en-US",
    });
  });

  it("in-app: buttons with their actions", async () => {
    const compiled = await compile({
      channel: "in_app",
      title: "Hi {{ contact.firstName }}",
      body: "You are on {{ contact.plan }}",
      buttons: [
        {
          label: "Upgrade",
          action: "url",
          value: "https://app.acme.test/upgrade?u={{ contact.userId }}",
        },
        { label: "Open", action: "deep_link", value: "acme://home" },
        { label: "Later", action: "dismiss" },
      ],
    });
    expect(ok(renderMessage(compiled, sampleContext()))).toEqual({
      channel: "in_app",
      title: "Hi Ana",
      body: "You are on pro",
      imageUrl: undefined,
      buttons: [
        { label: "Upgrade", action: "url", value: "https://app.acme.test/upgrade?u=u-42" },
        { label: "Open", action: "deep_link", value: "acme://home" },
        { label: "Later", action: "dismiss" },
      ],
    });
  });

  it("webhook: JSON with values escaped inside strings and | json for structures", async () => {
    const compiled = await compile({
      channel: "webhook",
      body: '{"user": "{{ contact.userId }}", "name": "{{ contact.firstName }}", "props": {{ event.properties | json }}, "n": {{ contact.seats | default: 0 }}}',
    });
    const ctx = sampleContext();
    ctx.contact.firstName = 'Ana "the \\ boss"\n';
    expect(ok(renderMessage(compiled, ctx))).toEqual({
      channel: "webhook",
      payload: { user: "u-42", name: 'Ana "the \\ boss"\n', props: { source: "ads" }, n: 0 },
    });
    const broken = await compile({ channel: "webhook", body: '{"a": {{ contact.firstName }}}' });
    const r = renderMessage(broken, sampleContext());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^webhook body is not valid JSON after personalisation/);
  });

  it("refuses javascript: and data: links on save, and again when Liquid produces them", async () => {
    const inApp = (value: string, action = "url") => ({
      channel: "in_app",
      title: "t",
      body: "b",
      buttons: [{ label: "Go", action, value }],
    });
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,<script>x</script>",
      " java\tscript:x",
    ]) {
      expect(ZTemplateContent.safeParse(inApp(bad)).success).toBe(false);
      expect(ZTemplateContent.safeParse(inApp(bad, "deep_link")).success).toBe(false);
      expect(
        ZTemplateContent.safeParse({ channel: "push", title: "t", body: "b", deepLink: bad })
          .success,
      ).toBe(false);
    }
    const ctx = sampleContext();
    ctx.contact.link = "javascript:alert(document.cookie)";
    ctx.contact.avatar = "data:image/svg+xml,<svg onload=alert(1)>";
    for (const content of [
      inApp("{{ contact.link }}"),
      inApp("{{ contact.link }}", "deep_link"),
      { channel: "push", title: "t", body: "b", deepLink: "{{ contact.link }}" },
    ]) {
      const r = renderMessage(await compile(content), ctx);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(/is not a (URL|safe link) after personalisation/);
    }
    const email = await compile({
      channel: "email",
      subject: "s",
      blocks: [
        { id: "i", type: "image", src: "{{ contact.avatar }}", alt: "me" },
        { id: "b", type: "button", label: "Go", url: "{{ contact.link }}" },
      ],
    });
    const html = ok(renderMessage(email, ctx));
    expect(html.channel === "email" && html.html).not.toMatch(/javascript:|data:image/);
  });
});
