import { MARKER_CHARS } from "./liquid-engine";

/**
 * React escapes quotes and ampersands in text and attributes, which would break Liquid such as
 * `{{ contact.firstName | default: "there" }}` or a Liquid href. Each Liquid span is swapped for an
 * opaque token of private-use characters and digits (which React, html-to-text's upper-casing and
 * word handling leave alone) before rendering, and swapped back after.
 */
const LIQUID_SPAN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const TOKEN = /\uE010(\d+)\uE011/g;

export class LiquidVault {
  private readonly spans: string[] = [];

  /** Also drops any private-use marker characters an author pasted in, so none can pose as a marker. */
  protect = (source: string): string =>
    source
      .replace(MARKER_CHARS, "")
      .replace(LIQUID_SPAN, (span) => `\uE010${this.spans.push(span) - 1}\uE011`);

  restore = (rendered: string): string =>
    rendered.replace(TOKEN, (_, i: string) => this.spans[Number(i)] ?? "");
}
