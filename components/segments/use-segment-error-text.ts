"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { matchKnownMessage } from "@/lib/i18n/known-messages";
import { SEGMENT_MESSAGES } from "@/lib/segments/segment-messages";

/** A field error from the segments API in the viewer's language; unknown wording shows as sent. */
export function useSegmentErrorText() {
  const t = useTranslations("segments.validation");
  const locale = useLocale();
  return useCallback(
    (message: string | undefined): string | undefined => {
      if (message === undefined || locale === "en") return message;
      const found = matchKnownMessage(SEGMENT_MESSAGES, message);
      return found ? t(found.key, found.values) : message;
    },
    [t, locale],
  );
}
