/**
 * The small markup of an email text block, kept tiny on purpose so it can never smuggle HTML:
 *
 *   **bold**   *italic*   [label](https://example.com)   a line break is a line break
 *   \*  \[  \]  \\   print the character itself
 *
 * Anything else is literal text (React escapes it). Liquid spans (`{{ … }}`, `{% … %}`) are atomic:
 * a `*` or `]` inside them is never markup, and a link URL may be Liquid: `[Reset]({{ message.resetUrl }})`.
 * An unmatched `**` or `*` formats to the end of the block, as it reads while typing.
 */
export type TRichSpan =
  { text: string; bold?: boolean; italic?: boolean; href?: string } | { br: true };

const LIQUID = String.raw`\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}`;
const TOKEN = new RegExp(
  [
    String.raw`(?<liquid>${LIQUID})`,
    String.raw`\\(?<escaped>[\\*\[\]()])`,
    String.raw`\[(?<label>(?:${LIQUID}|[^\]\n])+)\]\((?<url>(?:${LIQUID}|[^)\s])+)\)`,
    String.raw`(?<bold>\*\*)`,
    String.raw`(?<italic>\*)`,
    String.raw`(?<br>\r?\n)`,
  ].join("|"),
  "g",
);

export function parseRichText(source: string): TRichSpan[] {
  const spans: TRichSpan[] = [];
  let bold = false;
  let italic = false;
  let buffer = "";
  const flush = () => {
    if (buffer) spans.push({ text: buffer, ...(bold && { bold }), ...(italic && { italic }) });
    buffer = "";
  };
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    buffer += source.slice(last, m.index);
    last = m.index + m[0].length;
    const g = m.groups!;
    if (g.liquid !== undefined) buffer += g.liquid;
    else if (g.escaped !== undefined) buffer += g.escaped;
    else if (g.label !== undefined && g.url !== undefined) {
      flush();
      spans.push({ text: g.label, href: g.url, ...(bold && { bold }), ...(italic && { italic }) });
    } else if (g.bold) {
      flush();
      bold = !bold;
    } else if (g.italic) {
      flush();
      italic = !italic;
    } else if (g.br) {
      flush();
      spans.push({ br: true });
    }
  }
  buffer += source.slice(last);
  flush();
  return spans;
}

/** Link targets of a text block, for validation. */
export function richTextLinks(source: string): string[] {
  return parseRichText(source).flatMap((s) =>
    "href" in s && s.href !== undefined ? [s.href] : [],
  );
}
