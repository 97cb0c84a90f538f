"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { TColumnTarget } from "@/lib/imports/mapping";

/** How a mapping target reads in the preview's column headings (lib's targetLabel, translated). */
export function useTargetLabel() {
  const t = useTranslations("imports.targets");
  return useCallback(
    (target: TColumnTarget): string => {
      switch (target.kind) {
        case "ignore":
          return t("ignored");
        case "userId":
          return t("userId");
        case "field":
          return t(`fields.${target.field}`);
        case "attribute":
          return t("attribute", { name: target.name, type: t(`types.${target.type}`) });
        case "channel":
          return t(target.meaning === "opt_out" ? "optedOut" : "optedIn", {
            channel: t(`channelsInSentence.${target.channel}`),
          });
        case "topic":
          return t(target.meaning === "opt_out" ? "leftTopic" : "joinedTopic", {
            topic: target.topic,
          });
      }
    },
    [t],
  );
}

/**
 * The mapping's own checks (lib/imports/mapping.ts) in the viewer's language; English and any
 * other wording (zod's) show as they are.
 */
export function useMappingIssueText() {
  const t = useTranslations("imports.validation");
  const locale = useLocale();
  return useCallback(
    (message: string | undefined): string | undefined => {
      if (message === undefined || locale === "en") return message;
      if (message === "map one column to User ID") return t("needUserId");
      if (message === "only one column can be the User ID") return t("oneUserId");
      const dup = /^column (\d+) already maps to this$/.exec(message);
      if (dup) return t("duplicate", { n: dup[1]! });
      return message;
    },
    [t, locale],
  );
}
