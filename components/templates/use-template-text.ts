"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { matchKnownMessage, type TKnownMessages } from "@/lib/i18n/known-messages";
import type { TSkipIssue } from "@/lib/templates/personalise";
import type { TFlag } from "./editor-context";

/**
 * The wordings the templates API gives its own field errors (the content schema in
 * lib/templates/template-content.ts, test-send-template.ts, preview-template.ts,
 * manage-templates.ts), each with its `templates.validation` key. The API answers in English; the
 * editor shows the catalogue's wording in other languages. zod's own wordings arrive already in
 * the caller's language.
 */
const EXACT = {
  Required: "required",
  "Must start with https://, http://, mailto: or tel:, or be Liquid": "linkUrl",
  "Must start with https:// or http://, or be Liquid": "imageUrl",
  "Must be an app link (myapp://…), an http(s) URL or a path; javascript: and data: are refused":
    "deepLink",
  "A hex colour like #1a73e8": "colour",
  "Required for url and deep_link buttons": "buttonValue",
  "Must be an http(s), mailto: or tel: URL (or an app link for deep links)": "buttonUrl",
  "A BCP 47 tag like vi or zh-CN": "localeTag",
  "Write the tag in its canonical form, like vi, zh-CN or pt-BR": "localeCanonical",
  "Not an email address": "notEmail",
  "A phone number in international format, like +14155550123": "phone",
  "A device push token": "pushToken",
  "Pick a sample contact with a user id: the test lands in their inbox": "inAppContact",
  "No such contact in this workspace": "noContact",
  "A template with this name already exists": "nameTaken",
} as const;

type TKey =
  (typeof EXACT)[keyof typeof EXACT] | "textLink" | "duplicateId" | "maxVariants" | "wrongChannel";

export const TEMPLATE_MESSAGES: TKnownMessages<TKey> = {
  exact: EXACT,
  patterns: [
    [/^Link "(.*)" must start with https:\/\/, http:\/\/, mailto: or tel:$/, "textLink", ["url"]],
    [/^Duplicate block id "(.*)"$/, "duplicateId", ["id"]],
    [/^At most (\d+) locale variants$/, "maxVariants", ["max"]],
    [/^This is an? (\w+) template$/, "wrongChannel", ["channel"]],
  ],
};

/** A field error of the templates API in the viewer's language; unknown wording shows as sent. */
export function useTemplateMessageText() {
  const t = useTranslations("templates.validation");
  const locale = useLocale();
  return useCallback(
    <M extends string | undefined>(message: M): M | string => {
      if (message === undefined || locale === "en") return message;
      const found = matchKnownMessage(TEMPLATE_MESSAGES, message);
      return found ? t(found.key, found.values) : message;
    },
    [t, locale],
  );
}

/** A field's flag in the viewer's language: the editor's own by its code, the server's by its wording. */
export function useFlagText() {
  const t = useTranslations("templates.issues");
  const messageText = useTemplateMessageText();
  return useCallback(
    (f: TFlag): string => (f.issue ? t(f.issue.code, f.issue.values) : messageText(f.message)),
    [t, messageText],
  );
}

/** Why the sample contact would be skipped, in the viewer's language. */
export function useSkipReasonText() {
  const t = useTranslations("templates.skip");
  return useCallback((issue: TSkipIssue): string => t(issue.code, issue.values), [t]);
}
