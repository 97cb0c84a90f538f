import { DEFAULT_LOCALE, matchLocale, type TLocale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { TRenderedContent } from "@/lib/templates/render-message";

type TEmailContent = Extract<TRenderedContent, { channel: "email" }>;

// Imported, not loaded: composeMessage is synchronous, shared by every send path.
const LINK_TEXT: Record<TLocale, string> = {
  en: en.preferenceCenter.emailFooterLink,
  vi: vi.preferenceCenter.emailFooterLink,
  "zh-CN": zhCN.preferenceCenter.emailFooterLink,
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** How an HTML engine may have written the URL into an attribute: as is, or entity-escaped. */
const spellings = (url: string) => [url, url.replace(/&/g, "&amp;"), url.replace(/&/g, "&#38;")];

/** The language of the footer: the template variant's, else the contact's, else English. */
export function footerLocale(...tags: (string | null | undefined)[]): TLocale {
  for (const tag of tags) {
    const locale = typeof tag === "string" ? matchLocale(tag) : null;
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * Gmail, Yahoo and the issue require every marketing email to link the preference center. A
 * template with a footer block links it already; one without (an HTML block, a hand-made layout)
 * gets this minimal footer, in the message's language, before `</body>`, and the plain-text part
 * gets the same link. Nothing is added where the link is already present, so an author's own
 * wording and place win.
 */
export function withPreferenceFooter(
  content: TEmailContent,
  preferencesUrl: string,
  locale: TLocale,
): TEmailContent {
  const text = LINK_TEXT[locale];
  const hasHtmlLink = spellings(preferencesUrl).some((s) => content.html.includes(s));
  const hasTextLink = content.text.includes(preferencesUrl);
  if (hasHtmlLink && hasTextLink) return content;
  const footer =
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" data-waymark-footer="preferences">` +
    `<tr><td style="padding:16px 24px 24px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#6b7280;text-align:center">` +
    `<a href="${esc(preferencesUrl)}" style="color:#6b7280;text-decoration:underline">${esc(text)}</a>` +
    `</td></tr></table>`;
  const bodyEnd = content.html.toLowerCase().lastIndexOf("</body>");
  const html = hasHtmlLink
    ? content.html
    : bodyEnd >= 0
      ? `${content.html.slice(0, bodyEnd)}${footer}${content.html.slice(bodyEnd)}`
      : `${content.html}${footer}`;
  return {
    ...content,
    html,
    text: hasTextLink ? content.text : `${content.text.trimEnd()}\n\n${text}: ${preferencesUrl}\n`,
  };
}
