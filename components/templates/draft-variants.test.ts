import { describe, expect, it } from "vitest";
import {
  addVariant,
  applyToLocale,
  draftLocales,
  editingContent,
  localeOfPath,
  pathInLocale,
  removeVariant,
} from "./draft-variants";

const draft = { channel: "sms", body: "Hi" };

describe("draft variants in the editor", () => {
  it("adds a variant as a copy of the default, edits it apart, and removes it", () => {
    let c = addVariant(draft, "vi");
    expect(draftLocales(c)).toEqual(["vi"]);
    expect(editingContent(c, "vi")).toEqual({ channel: "sms", body: "Hi" });
    c = applyToLocale(c, "vi", (s) => ({ ...s, body: "Chào" }));
    c = applyToLocale(c, null, (s) => ({ ...s, body: "Hello" }));
    expect(c).toEqual({ channel: "sms", body: "Hello", variants: { vi: { body: "Chào" } } });
    expect(editingContent(c, null)).toEqual({ channel: "sms", body: "Hello" });
    expect(removeVariant(c, "vi")).toEqual({ channel: "sms", body: "Hello" });
  });

  it("maps field paths to the slice being edited", () => {
    expect(pathInLocale("variants.zh-CN.subject", "zh-CN")).toBe("subject");
    expect(pathInLocale("variants.zh-CN.subject", null)).toBeNull();
    expect(pathInLocale("subject", null)).toBe("subject");
    expect(pathInLocale("subject", "vi")).toBeNull();
    expect(localeOfPath("variants.vi.blocks.0.text")).toBe("vi");
    expect(localeOfPath("blocks.0.text")).toBeNull();
  });
});
