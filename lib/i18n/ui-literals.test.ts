import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NOT_YET_TRANSLATED } from "./not-yet-translated";
import { uiLiterals } from "./ui-literals";

/**
 * No user-facing English in .tsx under app/ and components/: JSX text, string children and the
 * props people read (placeholder, title, aria-label, alt, label…) come from the catalogues
 * (lib/i18n/messages). Files not converted yet are listed in not-yet-translated.ts; every
 * other file, a new one included, is checked.
 */
const root = path.resolve(import.meta.dirname, "../..");

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return tsxFiles(rel);
    return e.name.endsWith(".tsx") && !/\.test\.tsx$/.test(e.name) ? [rel] : [];
  });
}

describe("user-facing literals", () => {
  const files = ["app", "components"].flatMap(tsxFiles);
  const cache = new Map<string, ReturnType<typeof uiLiterals>>();
  const literalsOf = (f: string) => {
    let found = cache.get(f);
    if (!found) cache.set(f, (found = uiLiterals(f, readFileSync(path.join(root, f), "utf8"))));
    return found;
  };

  it("finds the files", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("finds text, string children and readable props, and lets the rest through", () => {
    const src = `export const A = () => (
  <div title="Open the journey" data-x="plain-id">
    Save changes
    {pending ? "Saving…" : t("save")}
    <Input placeholder={t("search")} aria-label="Search contacts" alt="" />
    {" · "} 42% — {count}
  </div>
);`;
    expect(uiLiterals("components/x.tsx", src).map((l) => `${l.line} ${l.text}`)).toEqual([
      '2 title="Open the journey"',
      "3 Save changes",
      "4 Saving…",
      '5 aria-label="Search contacts"',
    ]);
  });

  it("has no literal outside the files not yet converted", () => {
    const found = files
      .filter((f) => !(f in NOT_YET_TRANSLATED))
      .flatMap((f) => literalsOf(f).map((l) => `${f}:${l.line} ${JSON.stringify(l.text)}`));
    expect(found, "put these strings in lib/i18n/messages/*.json and use t()").toEqual([]);
  });

  it("lists only files that exist and still hold literals (the list only shrinks)", () => {
    const stale = Object.keys(NOT_YET_TRANSLATED).filter(
      (f) =>
        !files.includes(f) || uiLiterals(f, readFileSync(path.join(root, f), "utf8")).length === 0,
    );
    expect(stale, "remove these from not-yet-translated.ts").toEqual([]);
  });

  it("adds no literal to a file not yet converted", () => {
    const grown = Object.entries(NOT_YET_TRANSLATED).flatMap(([f, max]) => {
      if (!files.includes(f)) return [];
      const n = literalsOf(f).length;
      return n > max ? [`${f}: ${n} literals, ${max} allowed`] : [];
    });
    expect(grown, "new strings go into the catalogues, even in these files").toEqual([]);
  });
});
