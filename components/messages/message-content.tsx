import { useTranslations } from "next-intl";
import type { TSendChannel } from "@/lib/channels/types";
import { readMessageContent } from "@/lib/messages/log/message-content";
import { viewableContent } from "@/lib/messages/log/viewable-content";
import { EmailContent } from "./email-content";
import {
  InAppPreview,
  PushPreview,
  SmsPreview,
  VoicePreview,
  WebhookPreview,
} from "./channel-previews";

/**
 * What went out, drawn per channel: the same view on the message page and in the Outbox. Viewing it
 * never tracks: no open pixel, click redirects replaced by their destinations, unsubscribe inert.
 */
export function MessageContent({
  channel,
  content,
}: {
  channel: TSendChannel;
  content: Record<string, unknown> | null;
}) {
  const t = useTranslations("messages.content");
  // Disarmed here, on the server: the browser never receives the pixel or a tracking redirect.
  const view = viewableContent(readMessageContent(channel, content));
  switch (view.channel) {
    case "email":
      return <EmailContent content={view.content} />;
    case "sms":
      return <SmsPreview content={view.content} />;
    case "push":
      return <PushPreview content={view.content} />;
    case "voice":
      return <VoicePreview content={view.content} />;
    case "in_app":
      return <InAppPreview content={view.content} />;
    case "webhook":
      return <WebhookPreview content={view.content} />;
    case "none":
      return <p className="text-sm text-slate-500">{t("nothingRendered")}</p>;
  }
}
