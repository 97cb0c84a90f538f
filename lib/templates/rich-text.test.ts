import { describe, expect, it } from "vitest";
import { parseRichText } from "./rich-text";

describe("parseRichText", () => {
  it("reads bold, italic, links and line breaks", () => {
    expect(parseRichText("a **b** *c* [d](https://e.test/?x=1)\nf")).toEqual([
      { text: "a " },
      { text: "b", bold: true },
      { text: " " },
      { text: "c", italic: true },
      { text: " " },
      { text: "d", href: "https://e.test/?x=1" },
      { br: true },
      { text: "f" },
    ]);
  });

  it("keeps Liquid atomic, also as a link URL", () => {
    expect(
      parseRichText('{{ a | default: "*x*" }} [go]({{ message.url | append: "?a=(1)" }})'),
    ).toEqual([
      { text: '{{ a | default: "*x*" }} ' },
      { text: "go", href: '{{ message.url | append: "?a=(1)" }}' },
    ]);
  });

  it("treats escaped markup and HTML as text", () => {
    expect(parseRichText("\\*not italic\\* <b>x</b>")).toEqual([{ text: "*not italic* <b>x</b>" }]);
  });
});
