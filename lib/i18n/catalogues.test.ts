import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

/**
 * The three catalogues say the same things: the same keys, and in each message the same ICU
 * arguments (`{count}`, `{name}`, rich-text tags) — a translation that drops or renames one
 * would render a hole or throw at run time. Every message also parses as ICU in its locale.
 */
type TTree = { [k: string]: string | TTree };
const dir = path.join(import.meta.dirname, "messages");
const load = (l: string) => JSON.parse(readFileSync(path.join(dir, `${l}.json`), "utf8")) as TTree;

function flatten(t: TTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument and tag names a message uses (plural branches walked), sorted. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  type TEl = {
    type: number;
    value?: string;
    options?: Record<string, { value: TEl[] }>;
    children?: TEl[];
  };
  const walk = (els: TEl[]) => {
    for (const el of els) {
      // 0 literal, 7 pound (#): no argument of their own.
      if (el.type !== 0 && el.type !== 7 && el.value) names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as TEl[]);
  return [...names].sort();
}

describe("message catalogues", () => {
  const en = flatten(load("en"));

  it("has messages", () => {
    expect(en.size).toBeGreaterThan(100);
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has exactly the English keys`, () => {
      const other = flatten(load(locale));
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it(`${locale} uses the same ICU arguments in every message`, () => {
      const other = flatten(load(locale));
      const differ: string[] = [];
      for (const [key, message] of en) {
        const translated = other.get(key);
        if (translated === undefined) continue;
        const a = argumentsOf(message, "en").join(",");
        const b = argumentsOf(translated, locale).join(",");
        if (a !== b) differ.push(`${key}: en {${a}} ≠ ${locale} {${b}}`);
      }
      expect(differ).toEqual([]);
    });

    it(`${locale} is translated, not copied`, () => {
      const other = flatten(load(locale));
      // Names, codes and words both languages write the same way may stay identical; most may not.
      const same = [...en].filter(([k, v]) => other.get(k) === v).length;
      expect(same / en.size).toBeLessThan(0.1);
    });
  }
});
