"use client";
import { useLocale, useTranslations } from "next-intl";
import { ApiError, type TApiErrorReason } from "@/lib/http/api-fetch";

/** Where a reason's `state` value is worded: the status names the rest of the UI shows. */
const STATE_WORDS: Record<string, string> = {
  campaign_state: "campaigns.state",
  journey_state: "journeys.status",
  run_not_active: "journeys.runs.state",
  run_not_failed: "journeys.runs.state",
};

/**
 * A 409's reason in the viewer's language (`errors.conflicts.<code>` with its values), or
 * undefined in English (the server's message names the thing as well) and for a reason the
 * catalogue does not know.
 */
export function useConflictText() {
  const t = useTranslations("errors");
  const all = useTranslations();
  const locale = useLocale();
  return (reason: TApiErrorReason | undefined): string | undefined => {
    if (!reason || locale === "en") return undefined;
    const key = `conflicts.${reason.code}` as Parameters<typeof t>[0];
    if (!t.has(key)) return undefined;
    const values: Record<string, string | number> = { ...reason.values };
    const words = STATE_WORDS[reason.code];
    if (words && typeof values.state === "string") {
      const stateKey = `${words}.${values.state}` as Parameters<typeof all>[0];
      if (all.has(stateKey)) values.state = all(stateKey);
    }
    return t(key, values);
  };
}

/**
 * The text to show for a failed call: the catalogue's wording of the error's reason
 * (`errors.conflicts.<reason>`) or code (`errors.<code>`), or the server's own message where
 * the catalogue has neither. English keeps the server's message, which names the specific thing
 * ("Used by journey X").
 */
export function useApiErrorText() {
  const t = useTranslations("errors");
  const locale = useLocale();
  const conflictText = useConflictText();
  return (err: unknown, fallback?: string): string => {
    if (err instanceof ApiError) {
      const reason = conflictText(err.reason);
      if (reason) return reason;
      const key = err.code as Parameters<typeof t>[0];
      if (locale !== "en" && t.has(key)) return t(key);
      return err.message;
    }
    if (locale === "en" && err instanceof Error && err.message) return err.message;
    return fallback ?? t("generic");
  };
}
