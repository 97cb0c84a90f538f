import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("safeCallbackPath (no open redirect after sign-in)", () => {
  it.each([
    ["/\\evil.com", "/"],
    ["/%5Cevil.com", "/%5Cevil.com"], // stays a path on this site once decoded by the router
    ["/\\/evil.com", "/"],
    ["/\t/evil.com", "/"],
    ["/\n/evil.com", "/"],
    ["\\\\evil.com", "/"],
    ["//evil.com", "/"],
    ["///evil.com", "/"],
    ["https://evil.com/x", "/"],
    ["https:evil.com", "/"],
    ["javascript:alert(1)", "/"],
    ["data:text/html,x", "/"],
    [" //evil.com", "/"],
    ["http://waymark.invalid/x", "/x"], // harmless: still resolves here
  ])("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("keeps path, query and hash of a same-site target", () => {
    expect(safeCallbackPath("/w/acme/journeys?tab=live#j1")).toBe("/w/acme/journeys?tab=live#j1");
    expect(safeCallbackPath("journeys")).toBe("/journeys");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/");
  });
});
