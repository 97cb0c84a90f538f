"use client";
import { useTranslations } from "next-intl";
import type { TRenderedContent } from "@/lib/templates/render-message";
import type {
  TEmailContent,
  TInAppContent,
  TPushContent,
  TSmsContent,
  TVoiceContent,
  TWebhookContent,
} from "@/lib/templates/template-content";
import { EmailForm } from "./email-form";
import { InAppForm } from "./in-app-form";
import { PushForm } from "./push-form";
import { SmsForm } from "./sms-form";
import { VoiceForm } from "./voice-form";
import { WebhookForm } from "./webhook-form";
import type { TDraftContent } from "./use-template-draft";

type Props = {
  content: TDraftContent;
  rendered: TRenderedContent | null;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
};

/** The channel's form; drafts may be half-written, so each form reads its fields defensively. */
export function ChannelForm({ content, rendered, update }: Props) {
  const t = useTranslations("templates.editor");
  switch (content.channel) {
    case "email":
      return <EmailForm content={content as unknown as TEmailContent} update={update} />;
    case "sms":
      return (
        <SmsForm
          content={content as unknown as TSmsContent}
          rendered={rendered?.channel === "sms" ? rendered.body : null}
          update={update}
        />
      );
    case "push":
      return <PushForm content={content as unknown as TPushContent} update={update} />;
    case "voice":
      return <VoiceForm content={content as unknown as TVoiceContent} update={update} />;
    case "in_app":
      return <InAppForm content={content as unknown as TInAppContent} update={update} />;
    case "webhook":
      return <WebhookForm content={content as unknown as TWebhookContent} update={update} />;
    default:
      return (
        <p className="text-sm text-red-600">{t("unknownChannel", { channel: content.channel })}</p>
      );
  }
}
