"use client";
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import type { TWebhookContent } from "@/lib/templates/template-content";
import { LiquidField } from "./liquid-field";
import type { TDraftContent } from "./use-template-draft";

/** Liquid itself, the same in every language. */
const JSON_FILTER = "{{ contact.email | json }}";

export function WebhookForm({
  content,
  update,
}: {
  content: TWebhookContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  const t = useTranslations("templates.webhook");
  return (
    <Card>
      <CardBody>
        <LiquidField
          id="webhook-body"
          label={t("body")}
          path="body"
          value={content.body ?? ""}
          multiline
          rows={14}
          mono
          hint={t("bodyHint", { example: JSON_FILTER })}
          onChange={(body) => update((c) => ({ ...c, body }))}
        />
      </CardBody>
    </Card>
  );
}
