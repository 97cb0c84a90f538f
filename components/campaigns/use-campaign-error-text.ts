"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { matchKnownMessage, type TKnownMessages } from "@/lib/i18n/known-messages";

/**
 * The wordings lib/campaigns gives its field errors (campaign-settings.ts, schedule-settings.ts,
 * check-campaign-references.ts, launch-campaign.ts, test-send-campaign.ts, save-campaign.ts), each
 * with its `campaigns.validation` key. The API answers in English; the editor shows the
 * catalogue's wording in other languages, as useApiErrorText does for error codes.
 */
const EXACT = {
  "Give the campaign a name": "nameRequired",
  "Choose a segment": "chooseSegment",
  "Choose a template": "chooseTemplate",
  "At most 5 treatments": "maxTreatments",
  "Name the conversion event": "conversionEvent",
  "Use YYYY-MM-DD": "dateFormat",
  "Choose at least one day": "weekdays",
  "Choose a day of the month": "dayOfMonth",
  "End on or after the start": "endAfterStart",
  "Name the event": "eventName",
  "No such segment in this workspace": "noSegment",
  "Choose a published version of a template in this workspace": "noTemplate",
  "Add an address or a contact to send the test to": "testRecipients",
  "No such contact in this workspace": "noContact",
  "Choose when to send it": "schedule",
  "It ends before it would run": "endsBeforeRun",
  "Choose an end in the future": "endInFuture",
  "Choose a time in the future": "timeInFuture",
} as const;

type TKey = (typeof EXACT)[keyof typeof EXACT] | "percentSum" | "nameTaken";

/** The campaigns API's wordings, fixed and with values (pattern, key, argument names). */
export const CAMPAIGN_MESSAGES: TKnownMessages<TKey> = {
  exact: EXACT,
  patterns: [
    [
      /^Treatment percentages must sum to 100 \(they sum to (-?\d+(?:\.\d+)?)\)$/,
      "percentSum",
      ["total"],
    ],
    [/^A campaign named "(.+)" already exists$/, "nameTaken", ["name"]],
  ],
};

/** A field error from the campaigns API in the viewer's language; unknown wording shows as sent. */
export function useCampaignErrorText() {
  const t = useTranslations("campaigns.validation");
  const locale = useLocale();
  return useCallback(
    (message: string | undefined): string | undefined => {
      if (message === undefined || locale === "en") return message;
      const found = matchKnownMessage(CAMPAIGN_MESSAGES, message);
      return found ? t(found.key, found.values) : message;
    },
    [t, locale],
  );
}
