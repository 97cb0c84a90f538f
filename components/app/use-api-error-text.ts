"use client";
import { useLocale, useTranslations } from "next-intl";
import { ApiError } from "@/lib/http/api-fetch";

/**
 * The text to show for a failed call: the catalogue's wording of the error's code
 * (`errors.<code>`), or the server's own message where the catalogue has none for that code.
 * English keeps the server's message, which names the specific thing ("Used by journey X").
 */
export function useApiErrorText() {
  const t = useTranslations("errors");
  const locale = useLocale();
  return (err: unknown, fallback?: string): string => {
    if (err instanceof ApiError) {
      const key = err.code as Parameters<typeof t>[0];
      if (locale !== "en" && t.has(key)) return t(key);
      return err.message;
    }
    if (locale === "en" && err instanceof Error && err.message) return err.message;
    return fallback ?? t("generic");
  };
}
