import { z } from "zod";

/** The languages Waymark ships, in the order the language menu lists them. */
export const LOCALES = ["en", "vi", "zh-CN"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
export const ZLocale = z.enum(LOCALES);

/** Each language named in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<TLocale, string> = {
  en: "English",
  vi: "Tiếng Việt",
  "zh-CN": "中文(简体)",
};

/** Cookie that carries a signed-out visitor's choice (and mirrors a signed-in user's). */
export const LOCALE_COOKIE = "waymark_locale";

export function isLocale(v: unknown): v is TLocale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Maps a language tag to a shipped locale: "vi-VN" → vi, "zh", "zh-Hans", "zh-SG" → zh-CN. */
export function matchLocale(tag: string): TLocale | null {
  const t = tag.trim().toLowerCase();
  if (!t) return null;
  const [lang, ...rest] = t.split(/[-_]/);
  if (lang === "en") return "en";
  if (lang === "vi") return "vi";
  if (lang === "zh") {
    // Traditional Chinese readers are better served by English than by Simplified characters.
    if (rest.includes("hant") || rest.includes("tw") || rest.includes("hk") || rest.includes("mo"))
      return null;
    return "zh-CN";
  }
  return null;
}

/**
 * The best shipped locale for an Accept-Language header ("vi-VN,vi;q=0.9,en;q=0.8"), by q-value
 * then order; English when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): TLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranked) {
    const m = matchLocale(r.tag);
    if (m) return m;
  }
  return DEFAULT_LOCALE;
}

/**
 * The locale a request renders in: the account's choice, else the cookie (a signed-out visitor's
 * choice), else the browser's Accept-Language.
 */
export function resolveLocale(input: {
  account?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): TLocale {
  if (isLocale(input.account)) return input.account;
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage);
}
