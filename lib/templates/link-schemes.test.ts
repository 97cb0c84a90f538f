import { describe, expect, it } from "vitest";
import { dropUnsafeImageSources, isSafeDeepLink, isSafeImageSrc } from "./link-schemes";

describe("link schemes", () => {
  it.each([
    ["myapp://orders/1", true],
    ["https://acme.test/app/orders/1", true],
    ["/orders/1", true],
    ["javascript:alert(1)", false],
    ["JavaScript:alert(1)", false],
    [" java\tscript:alert(1)", false],
    ["\u0001javascript:alert(1)", false],
    ["data:text/html;base64,PHNjcmlwdD4=", false],
    ["vbscript:msgbox", false],
    ["file:///etc/passwd", false],
    ["//evil.test/x", false],
    ["", false],
  ])("deep link %j is safe: %s", (value, safe) => {
    expect(isSafeDeepLink(value)).toBe(safe);
  });

  it("allows only http(s) and cid: image sources, and empties the others in an email", () => {
    expect(isSafeImageSrc("https://cdn.test/a.png")).toBe(true);
    expect(isSafeImageSrc("cid:logo")).toBe(true);
    expect(isSafeImageSrc("data:image/svg+xml,<svg onload=alert(1)>")).toBe(false);
    const html =
      '<p><img alt="a" src="https://cdn.test/a.png"/><img src="data:image/png;base64,AAAA" width="1"/>' +
      '<img src="java&#x27;script:x"/><IMG SRC="javascript:alert(1)"></p>';
    expect(dropUnsafeImageSources(html)).toBe(
      '<p><img alt="a" src="https://cdn.test/a.png"/><img src="" width="1"/>' +
        '<img src=""/><IMG SRC=""></p>',
    );
  });
});
