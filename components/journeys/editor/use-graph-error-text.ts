"use client";
import { useLocale, useTranslations } from "next-intl";
import { useChannelLabel } from "@/components/app/use-labels";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";

/**
 * Publish defects in the viewer's language: each code worded from journeys.graphErrors with the
 * error's values. `invalid_graph` and `invalid_node` carry zod's own message, shown as it is.
 * English keeps channel ids as the server words them ("an email template"); other languages name
 * the channel.
 */
export function useGraphErrorText() {
  const t = useTranslations("journeys.graphErrors");
  const locale = useLocale();
  const channelLabel = useChannelLabel();
  const text = (e: TGraphError): string => {
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
