import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, isLocale, resolveLocale, type TLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { currentUser } from "./auth";

/**
 * next-intl's per-request configuration (wired in next.config.ts). No locale in URLs: the language
 * is the account's choice, else the cookie a signed-out visitor set, else the browser's
 * Accept-Language.
 */
export async function requestLocale(): Promise<TLocale> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  let account: string | null = null;
  try {
    account = (await currentUser())?.locale ?? null;
  } catch {
    // No database (a 503 page, a health probe): the cookie and the browser still decide.
  }
  return resolveLocale({
    account,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
}

export default getRequestConfig(async (params) => {
  // A locale passed explicitly (getTranslations({ locale }) for a contact's unsubscribe page) wins.
  const locale = isLocale(params.locale) ? params.locale : await requestLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates name their zone explicitly (the workspace's); this only silences next-intl's warning.
    timeZone: "UTC",
  };
});
