"use client";
import { useLocale, useTranslations } from "next-intl";
import { englishPathWords, type TPathWords } from "@/lib/journeys/canvas/field-errors";

/**
 * The words a defect's field path reads in ("Bộ lọc 2 › giá trị"): the lists and fields the
 * journey schemas have, from journeys.fieldPath; a name the catalogue lacks reads as in English.
 */
export function usePathWords(): TPathWords {
  const t = useTranslations("journeys.fieldPath");
  const locale = useLocale();
  if (locale === "en") return englishPathWords;
  return {
    item: (list, n) => {
      const key = `items.${list}` as Parameters<typeof t>[0];
      return t.has(key) ? t(key, { n }) : englishPathWords.item(list, n);
    },
    field: (name) => {
      const key = `fields.${name}` as Parameters<typeof t>[0];
      return t.has(key) ? t(key) : name;
    },
  };
}
