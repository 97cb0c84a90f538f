"use client";
import { useLocale, useTranslations } from "next-intl";
import { useChannelLabel } from "@/components/app/use-labels";
import { SEGMENT_MESSAGES } from "@/lib/segments/segment-messages";
import { matchKnownMessage } from "@/lib/i18n/known-messages";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";

/**
 * Publish defects in the viewer's language: each code worded from journeys.graphErrors with the
 * error's values. `invalid_graph` and `invalid_node` carry a schema's own wording: the journey
 * schemas' by `messageKey` (journeys.graphErrors.node), a condition's property filter's as the
 * segment builder words it, zod's own as the server sent it (already in the caller's language).
 * English keeps channel ids as the server words them ("an email template"); other languages name
 * the channel.
 */
export function useGraphErrorText() {
  const t = useTranslations("journeys.graphErrors");
  const segments = useTranslations("segments.validation");
  const locale = useLocale();
  const channelLabel = useChannelLabel();
  const schemaText = (e: TGraphError): string => {
    if (locale === "en") return e.message;
    if (e.messageKey) return t(`node.${e.messageKey}`);
    const filter = matchKnownMessage(SEGMENT_MESSAGES, e.message);
    return filter ? segments(filter.key, filter.values) : e.message;
  };
  const text = (e: TGraphError): string => {
    if (e.code === "invalid_node" || e.code === "invalid_graph") return schemaText(e);
    const key = e.code as Parameters<typeof t>[0];
    if (!t.has(key)) return e.message;
    const values = { ...e.values };
    if (locale !== "en")
      for (const k of ["channel", "templateChannel"])
        if (typeof values[k] === "string") values[k] = channelLabel(values[k]);
    return t(key, values);
  };
  // The editor keeps errors in state: they are worded once, as they arrive.
  return (errors: TGraphError[]) => errors.map((e) => ({ ...e, message: text(e) }));
}
