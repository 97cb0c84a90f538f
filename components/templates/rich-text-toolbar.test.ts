import { describe, expect, it } from "vitest";
import { parseRichText } from "@/lib/templates/rich-text";
import { wrapSelection } from "./rich-text-toolbar";

describe("wrapSelection", () => {
  it("wraps the selection in markup that rich-text.ts reads back", () => {
    const bold = wrapSelection("Hello world", 6, 11, "bold");
    expect(bold.value).toBe("Hello **world**");
    expect(parseRichText(bold.value)).toEqual([{ text: "Hello " }, { text: "world", bold: true }]);
    const link = wrapSelection("Read the docs", 9, 13, "link");
    expect(link.value).toBe("Read the [docs](https://)");
    expect(link.value.slice(...link.select)).toBe("https://");
  });

  it("inserts a selected placeholder when nothing is selected", () => {
    const it1 = wrapSelection("Hi ", 3, 3, "italic");
    expect(it1.value).toBe("Hi *italic text*");
    expect(it1.value.slice(...it1.select)).toBe("italic text");
  });

  it("inserts the placeholder it is given, in the author's language", () => {
    const words = { bold: "chữ đậm", italic: "chữ nghiêng", link: "chữ liên kết" };
    const b = wrapSelection("Chào ", 5, 5, "bold", words);
    expect(b.value).toBe("Chào **chữ đậm**");
    expect(b.value.slice(...b.select)).toBe("chữ đậm");
    const l = wrapSelection("", 0, 0, "link", words);
    expect(l.value).toBe("[chữ liên kết](https://)");
    expect(l.value.slice(...l.select)).toBe("https://");
  });
});
