import { describe, expect, it } from "vitest";
import { attributeInputOf, displayAttribute, parseAttributeInput } from "./attribute-input";

describe("attribute input", () => {
  it("types what was typed", () => {
    expect(parseAttributeInput("text", " Ada ")).toEqual({ ok: true, value: " Ada " });
    expect(parseAttributeInput("number", "9.5")).toEqual({ ok: true, value: 9.5 });
    expect(parseAttributeInput("number", "")).toMatchObject({ ok: false });
    expect(parseAttributeInput("number", "12abc")).toMatchObject({ ok: false });
    expect(parseAttributeInput("boolean", "false")).toEqual({ ok: true, value: false });
    expect(parseAttributeInput("date", "2027-01-31")).toEqual({ ok: true, value: "2027-01-31" });
    expect(parseAttributeInput("date", "")).toMatchObject({ ok: false, error: "Pick a date" });
    expect(parseAttributeInput("list", "vip, beta,,  early ")).toEqual({
      ok: true,
      value: ["vip", "beta", "early"],
    });
    expect(parseAttributeInput("list", " , ")).toMatchObject({ ok: false });
  });

  it("opens stored values in the matching editor", () => {
    expect(attributeInputOf(3)).toEqual({ type: "number", raw: "3" });
    expect(attributeInputOf(true)).toEqual({ type: "boolean", raw: "true" });
    expect(attributeInputOf("2027-01-31")).toEqual({ type: "date", raw: "2027-01-31" });
    expect(attributeInputOf("2027-01-31T10:00:00Z")).toEqual({
      type: "text",
      raw: "2027-01-31T10:00:00Z",
    });
    expect(attributeInputOf(["vip", 2])).toEqual({ type: "list", raw: "vip, 2" });
    expect(attributeInputOf({ city: "Paris" })).toBeNull();
  });

  it("shows values on one line", () => {
    expect(displayAttribute(["a", "b"])).toBe("a, b");
    expect(displayAttribute({ city: "Paris" })).toBe('{"city":"Paris"}');
    expect(displayAttribute(false)).toBe("false");
  });
});
