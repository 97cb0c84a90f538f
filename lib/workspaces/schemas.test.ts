import { describe, expect, it } from "vitest";
import { ZCreateWorkspace, slugify } from "./schemas";

describe("workspace names", () => {
  it.each([
    ["Acme Inc.", "acme-inc"],
    ["  Café Crème ", "cafe-creme"],
    ["Ω", "ws-new"],
    ["A", "ws-a"],
    ["x".repeat(60), "x".repeat(40)],
  ])("slugifies %j as %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("refuses an unknown time zone with a message naming the field", () => {
    const r = ZCreateWorkspace.safeParse({ name: "Acme", timezone: "Mars/Olympus" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ["timezone"],
      message: expect.stringContaining("Unknown time zone"),
    });
  });
});
