import { z } from "zod";
import { LOCALE_COOKIE, resolveLocale, type TLocale } from "./locales";

const MAPS: Record<TLocale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  vi: z.locales.vi,
  "zh-CN": z.locales.zhCN,
};

/**
 * zod's own wording of its built-in checks ("Too small: expected string to have >=1 characters")
 * in the caller's language; messages a schema sets itself are kept as written.
 */
export function zodErrorMap(locale: TLocale): z.core.$ZodErrorMap {
  return MAPS[locale]().localeError;
}

/** The UI language of an API call made by the app's own pages: the cookie, else Accept-Language. */
export function requestLocaleFromHeaders(headers: Headers): TLocale {
  const cookie = headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return resolveLocale({ cookie, acceptLanguage: headers.get("accept-language") });
}
