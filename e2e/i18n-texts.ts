import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * What a page in another language must not show: English catalogue messages (with no arguments)
 * that read differently in that language. A text the language's catalogue itself uses somewhere
 * ("SMS", "Webhook") is that language too.
 */
type TTree = { [k: string]: string | TTree };
const catalogue = (l: string) =>
  JSON.parse(readFileSync(path.join("lib/i18n/messages", `${l}.json`), "utf8")) as TTree;
const flatten = (t: TTree, p = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === "string" ? [[p + k, v] as [string, string]] : flatten(v, `${p}${k}.`),
  );

export function englishLeftovers(locale: string): Set<string> {
  const other = new Map(flatten(catalogue(locale)));
  const own = new Set(other.values());
  return new Set(
    flatten(catalogue("en"))
      .filter(([k, v]) => !/[{<]/.test(v) && other.get(k) !== v && /\p{L}{2,}/u.test(v))
      .map(([, v]) => v)
      .filter((v) => !own.has(v)),
  );
}

/** Every visible text node and placeholder on the page, trimmed (code and pre are content). */
export const visibleTexts = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (text && el && el.checkVisibility() && !el.closest("script,style,pre,code"))
        out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement>("[placeholder]"))
      if (el.checkVisibility()) out.push(el.placeholder.trim());
    return out;
  });

/**
 * Layout a longer language can break: the page scrolls sideways, or a label, heading, tab or
 * toggle is wider than its box (cut off instead of wrapping). Text truncated on purpose
 * (`truncate`, with an ellipsis) is left out.
 */
export const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      out.push(`page: ${document.documentElement.scrollWidth}px wide`);
    const sel =
      "main label, main legend, main h2, main [role=tab], main [role=radio], main summary";
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (!el.checkVisibility() || getComputedStyle(el).textOverflow === "ellipsis") continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName} "${el.textContent}"`);
    }
    return out;
  });
