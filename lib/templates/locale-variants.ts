import { canonicalLocale } from "./locale-format";
import type { TChannelContent, TTemplateContent } from "./template-content";

/** The locales a template has variants for, in the order the author added them. */
export const variantLocales = (content: { variants?: Record<string, unknown> | null }) =>
  Object.keys(content.variants ?? {});

const language = (tag: string) => tag.split("-")[0]!.toLowerCase();

/**
 * Which variant a contact gets: the exact tag (`zh-CN` for `zh-CN`, `zh_cn` or `zh-Hans-CN`
 * written out differently is still compared canonically), else one for the same language
 * (`vi` for `vi-VN`, and for `pt` the first `pt-…` variant, a bare-language variant first),
 * else null, the default content. Pure and deterministic, so a message can be re-rendered exactly.
 */
export function pickVariant(available: readonly string[], contactLocale: unknown): string | null {
  const wanted = canonicalLocale(contactLocale);
  if (!wanted || !available.length) return null;
  const lower = wanted.toLowerCase();
  const exact = available.find((t) => t.toLowerCase() === lower);
  if (exact) return exact;
  const lang = language(wanted);
  return (
    available.find((t) => t.toLowerCase() === lang) ??
    available.find((t) => language(t) === lang) ??
    null
  );
}

/** The default content alone, without its variants. */
export function defaultContent<T extends TTemplateContent>(content: T): TChannelContent {
  const { variants: _variants, ...base } = content;
  return base as unknown as TChannelContent;
}

/** One locale's content (the default when `locale` is null or has no variant), without variants. */
export function contentForLocale(
  content: TTemplateContent,
  locale: string | null,
): TChannelContent {
  const variant = locale === null ? undefined : content.variants?.[locale];
  return variant
    ? ({ ...(variant as object), channel: content.channel } as TChannelContent)
    : defaultContent(content);
}
