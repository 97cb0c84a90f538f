import type { TDraftContent } from "./use-template-draft";

/**
 * The editor edits one locale at a time: the default content, or one variant. These helpers read
 * and write that slice of a (possibly half-written) draft; the server validates it all on publish.
 */
type TVariants = Record<string, Record<string, unknown>>;
const variantsOf = (c: TDraftContent): TVariants =>
  c.variants && typeof c.variants === "object" ? (c.variants as TVariants) : {};

export const draftLocales = (c: TDraftContent) => Object.keys(variantsOf(c));

/** What the channel form shows: the default content without its variants, or one variant. */
export function editingContent(c: TDraftContent, locale: string | null): TDraftContent {
  const { variants: _variants, ...base } = c;
  const variant = locale === null ? undefined : variantsOf(c)[locale];
  return variant ? { ...variant, channel: c.channel } : base;
}

/** Applies an edit of the slice being edited back into the whole draft. */
export function applyToLocale(
  c: TDraftContent,
  locale: string | null,
  fn: (slice: TDraftContent) => TDraftContent,
): TDraftContent {
  const variants = variantsOf(c);
  const next = fn(editingContent(c, locale));
  if (locale === null) {
    const { variants: _v, ...base } = next;
    return Object.keys(variants).length ? { ...base, variants } : base;
  }
  const { channel: _c, variants: _v, ...variant } = next;
  return { ...c, variants: { ...variants, [locale]: variant } };
}

/** A new variant starts as a copy of the default content, ready to translate. */
export function addVariant(c: TDraftContent, locale: string): TDraftContent {
  const { channel: _c, variants: _v, ...base } = c;
  return { ...c, variants: { ...variantsOf(c), [locale]: structuredClone(base) } };
}

export function removeVariant(c: TDraftContent, locale: string): TDraftContent {
  const { [locale]: _gone, ...rest } = variantsOf(c);
  const { variants: _v, ...base } = c;
  return Object.keys(rest).length ? { ...base, variants: rest } : base;
}

/**
 * A field path of the whole draft (`variants.vi.subject`, `subject`) as the slice being edited
 * sees it, or null when it belongs to another slice.
 */
export function pathInLocale(path: string, locale: string | null): string | null {
  const m = /^variants\.([^.]+)\.(.*)$/.exec(path);
  if (!m) return locale === null ? path : null;
  return m[1] === locale ? m[2]! : null;
}

/** Which slice (a locale, or null for the default) a field path belongs to. */
export const localeOfPath = (path: string): string | null =>
  /^variants\.([^.]+)\./.exec(path)?.[1] ?? null;
