"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES, isLocale } from "@/lib/i18n/locales";

/**
 * The language menu. Signed in, the choice is stored on the account (PUT /api/account/locale), so
 * it follows the user to every browser; signed out, a cookie keeps it.
 */
export function LanguageSelect({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("userMenu");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <select
      aria-label={t("language")}
      value={locale}
      disabled={pending}
      onChange={(e) => {
        const next = e.target.value;
        if (!isLocale(next)) return;
        start(async () => {
          if (signedIn) {
            await fetch("/api/account/locale", {
              method: "PUT",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ locale: next }),
            });
          } else {
            document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${365 * 86400}; samesite=lax`;
          }
          router.refresh();
        });
      }}
      className="w-full rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700"
      data-testid="language-select"
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
