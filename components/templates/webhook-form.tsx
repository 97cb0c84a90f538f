"use client";
import { Card, CardBody } from "@/components/ui/card";
import type { TWebhookContent } from "@/lib/templates/template-content";
import { LiquidField } from "./liquid-field";
import type { TDraftContent } from "./use-template-draft";

export function WebhookForm({
  content,
  update,
}: {
  content: TWebhookContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  return (
    <Card>
      <CardBody>
        <LiquidField
          id="webhook-body"
          label="JSON body"
          path="body"
          value={content.body ?? ""}
          multiline
          rows={14}
          mono
          hint="Liquid may stand anywhere; {{ contact.email | json }} prints a JSON value, quotes included"
          onChange={(body) => update((c) => ({ ...c, body }))}
        />
      </CardBody>
    </Card>
  );
}
