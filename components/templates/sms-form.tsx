"use client";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("templates.sms");
  return (
    <Card>
      <CardBody className="space-y-4">
        <div>
          <LiquidField
            id="sms-body"
            label={t("message")}
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
          label={t("senderId")}
          path="senderId"
          value={content.senderId ?? ""}
          hint={t("senderIdHint")}
          onChange={(v) => update((c) => ({ ...c, senderId: v || undefined }))}
        />
      </CardBody>
    </Card>
  );
}
