import { describe, expect, it } from "vitest";
import { trackingUrls } from "@/lib/messages/engagement/tracking-tokens";
import { disarmEmailHtml, disarmText, viewableContent } from "./viewable-content";

const KEY = { id: 7, key: Buffer.alloc(32, 7) };
const MESSAGE = "0b5c3a52-6a0e-4f43-9b7e-2f1d8e6c4a10";
const urls = trackingUrls(KEY, "https://mail.example.com", MESSAGE);
const dest = "https://shop.test/new?a=1&b=two words";

const html = [
  `<p>Hi</p><a href="${urls.clickUrl(dest).replace(/&/g, "&amp;")}">Shop</a>`,
  `<a href="${urls.unsubscribeUrl}" style="color:#999">Unsubscribe</a>`,
  `<img src="https://cdn.test/logo.png" width="120" alt="Logo" />`,
  `<img src="${urls.openPixelUrl}" width="1" height="1" alt="" style="display:block" />`,
].join("");

describe("disarmEmailHtml", () => {
  it("removes the open pixel, points click redirects at their destination and makes unsubscribe inert", () => {
    const out = disarmEmailHtml(html);
    expect(out).not.toMatch(/\/t\/[oc]\/|\/u\//);
    expect(out).toContain('href="https://shop.test/new?a=1&amp;b=two words"');
    expect(out).toContain('<img src="https://cdn.test/logo.png" width="120" alt="Logo" />');
    expect(out).toContain('aria-disabled="true" style="color:#999">Unsubscribe</a>');
    expect(out.match(/<img/g)).toHaveLength(1);
  });

  it("makes the preference center link inert: a teammate cannot change the contact's topics", () => {
    const out = disarmEmailHtml(`<a href="${urls.preferencesUrl}">Manage preferences</a>`);
    expect(out).not.toMatch(/\/u\//);
    expect(out).toContain('aria-disabled="true">Manage preferences</a>');
    expect(disarmText(`Preferences: ${urls.preferencesUrl}`)).toBe(
      "Preferences: [preferences link]",
    );
  });

  it("disarms links of a message sent under another public URL too", () => {
    const old = trackingUrls(KEY, "http://10.0.0.5:3000/", MESSAGE);
    const out = disarmEmailHtml(`<a href='${old.clickUrl("https://x.test/")}'>x</a>`);
    expect(out).toBe(`<a href='https://x.test/'>x</a>`);
  });

  it("never turns a redirect into a script or other non-http link", () => {
    const evil = urls.clickUrl("https://ok.test").replace(/\?u=.*/, "?u=javascript%3Aalert(1)");
    expect(disarmEmailHtml(`<a href="${evil}">x</a>`)).toBe('<a href="#">x</a>');
  });

  it("leaves HTML without tracking untouched", () => {
    const plain = '<a href="https://shop.test/">Shop</a><img src="https://cdn.test/t/o/x.png">';
    expect(disarmEmailHtml(plain)).toBe(plain);
  });
});

describe("disarmText and viewableContent", () => {
  it("names the unsubscribe link and shows destinations in text parts and SMS bodies", () => {
    expect(disarmText(`Shop ${urls.clickUrl(dest)}\nStop: ${urls.unsubscribeUrl}`)).toBe(
      `Shop ${dest}\nStop: [unsubscribe link]`,
    );
    const sms = viewableContent({
      channel: "sms",
      content: { to: "+15550100", from: null, body: `Opt out ${urls.unsubscribeUrl}` },
    });
    expect(sms).toEqual({
      channel: "sms",
      content: { to: "+15550100", from: null, body: "Opt out [unsubscribe link]" },
    });
  });

  it("disarms an email's HTML, text and List-Unsubscribe header", () => {
    const view = viewableContent({
      channel: "email",
      content: {
        to: "a@example.com",
        from: "hello@acme.test",
        subject: "Hi",
        html,
        text: `Shop: ${urls.clickUrl(dest)}`,
        replyTo: null,
        headers: { "List-Unsubscribe": `<${urls.unsubscribeUrl}>` },
      },
    });
    expect(view.channel === "email" && view.content).toMatchObject({
      text: `Shop: ${dest}`,
      headers: { "List-Unsubscribe": "<[unsubscribe link]>" },
    });
    expect(JSON.stringify(view)).not.toMatch(/\/t\/[oc]\/|\/u\//);
  });
});
