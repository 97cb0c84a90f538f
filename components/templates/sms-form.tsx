"use client";
import { Card, CardBody } from "@/components/ui/card";
import type { TSmsContent } from "@/lib/templates/template-content";
import { LiquidField } from "./liquid-field";
import { SmsCounter } from "./sms-counter";
import type { TDraftContent } from "./use-template-draft";

export function SmsForm({
  content,
  rendered,
  update,
}: {
  content: TSmsContent;
  rendered: string | null;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  return (
    <Card>
      <CardBody className="space-y-4">
        <div>
          <LiquidField
            id="sms-body"
            label="Message"
            path="body"
            value={content.body ?? ""}
            multiline
            rows={6}
            onChange={(body) => update((c) => ({ ...c, body }))}
          />
          <SmsCounter text={content.body ?? ""} rendered={rendered} />
        </div>
        <LiquidField
          id="sms-sender"
          label="Sender ID (optional)"
          path="senderId"
          value={content.senderId ?? ""}
          hint="Up to 11 letters or a number; the provider's default when empty"
          onChange={(v) => update((c) => ({ ...c, senderId: v || undefined }))}
        />
      </CardBody>
    </Card>
  );
}
