import { describe, expect, it } from "vitest";
import { previewDocument } from "./preview-document";

describe("previewDocument", () => {
  it("puts the script-forbidding policy first in the head", () => {
    const out = previewDocument(
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>x</body></html>',
    );
    expect(out).toMatch(
      /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none';[^"]*"><meta charset="utf-8">/,
    );
  });

  it("keeps a doctype first when there is no head, and handles a fragment", () => {
    expect(previewDocument("<!doctype html><p>x</p>")).toMatch(/^<!doctype html><meta http-equiv/);
    expect(previewDocument("<p>x</p>")).toMatch(
      /^<meta http-equiv="Content-Security-Policy"[^>]*><p>x<\/p>$/,
    );
  });
});
