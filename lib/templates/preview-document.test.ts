import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateBrowser } from "@/scripts/find-browser/decide-browser.mjs";
import { systemProbe } from "@/scripts/find-browser/system-probe.mjs";
import { PREVIEW_SANDBOX, previewDocument } from "./preview-document";

describe("previewDocument", () => {
  it("puts the script-forbidding policy first, after a doctype", () => {
    const out = previewDocument(
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>x</body></html>',
    );
    expect(out).toMatch(
      /^<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none';[^"]*"><html><head><meta charset="utf-8">/,
    );
    expect(previewDocument("<p>x</p>")).toMatch(
      /^<meta http-equiv="Content-Security-Policy"[^>]*><p>x<\/p>$/,
    );
  });
});

// What the policy is for, in the browser the marketer uses: an email's script never runs, however
// its markup tries to slip past (a <head> inside a comment once kept the policy out).
describe("a preview in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    const found = locateBrowser(systemProbe());
    if (!found || "error" in found) throw new Error(found?.error ?? "no Chromium");
    browser = await chromium.launch({ executablePath: found.path, args: ["--no-sandbox"] });
  }, 60_000);
  afterAll(() => browser?.close());

  const ran = async (email: string) => {
    const page = await browser.newPage();
    await page.setContent(
      `<iframe id="f" sandbox="${PREVIEW_SANDBOX}" srcdoc="${previewDocument(email).replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"></iframe>`,
    );
    const frame = await (await page.$("#f"))!.contentFrame();
    await frame!.waitForSelector("#content");
    // The frame's own flag, set only if a script of the email ran.
    const flagged = await frame!.evaluate(() => document.body.dataset.ran ?? null);
    const mode = await frame!.evaluate(() => document.compatMode);
    await page.close();
    return { flagged, mode };
  };
  const script = `<script>document.body.dataset.ran = "yes"</script>`;

  for (const [name, email] of [
    [
      "a plain email",
      `<!doctype html><html><head></head><body><p id="content">Hi</p>${script}</body></html>`,
    ],
    [
      "a <head> inside a comment",
      `<!-- <head> --><html><head></head><body><p id="content">Hi</p>${script}</body></html>`,
    ],
    [
      "a <head> inside an attribute",
      `<!doctype html><p title="<head>" id="content">Hi</p><img src=x onerror="document.body.dataset.ran='yes'">${script}`,
    ],
  ] as const)
    it(`runs no script: ${name}`, async () => {
      const r = await ran(email);
      expect(r.flagged).toBeNull();
      if (email.startsWith("<!doctype")) expect(r.mode).toBe("CSS1Compat");
    });
});
