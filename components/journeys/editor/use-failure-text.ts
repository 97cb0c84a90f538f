"use client";
import { useLocale, useTranslations } from "next-intl";
import { useConflictText } from "@/components/app/use-api-error-text";
import type { TApiErrorReason } from "@/lib/http/api-fetch";
import { nodeMessageKey } from "@/lib/journeys/graph/node-messages";

/**
 * A refused save or publish in the viewer's language: a 409's reason, or the refused fields'
 * messages (the journey schemas' own wordings from journeys.graphErrors.node; zod's arrive in the
 * caller's language already). English keeps the server's message, which names each field.
 */
export function useFailureText() {
  const t = useTranslations("journeys.graphErrors");
  const locale = useLocale();
  const conflictText = useConflictText();
  return (r: { message: string; fields: Record<string, string>; reason?: TApiErrorReason }) => {
    const conflict = conflictText(r.reason);
    if (conflict) return conflict;
    const fields = Object.values(r.fields);
    if (locale === "en" || !fields.length) return r.message;
    return fields
      .map((m) => {
        const key = nodeMessageKey(m);
        return key ? t(`node.${key}`) : m;
      })
      .join("; ");
  };
}
