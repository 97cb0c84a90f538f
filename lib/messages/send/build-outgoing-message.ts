import type { TOutgoingMessage } from "@/lib/channels/types";
import type { TRenderedContent } from "@/lib/templates/render-message";
import type { TRecipient } from "./choose-recipient";

/**
 * The provider's message from a personalised template and a recipient. Email carries the
 * one-click unsubscribe headers (RFC 8058) that Gmail and Yahoo require of bulk senders.
 */
export function buildOutgoingMessage(
  messageId: string,
  content: TRenderedContent,
  recipient: TRecipient,
  links: { unsubscribeUrl: string; statusCallbackUrl?: string },
): TOutgoingMessage {
  switch (content.channel) {
    case "email":
      return {
        channel: "email",
        messageId,
        to: recipient.address,
        from: "",
        subject: content.subject,
        html: content.html,
        text: content.text,
        headers: {
          "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      };
    case "sms":
      return {
        channel: "sms",
        messageId,
        to: recipient.address,
        ...(content.senderId ? { from: content.senderId } : {}),
        body: content.body,
        ...(links.statusCallbackUrl ? { statusCallbackUrl: links.statusCallbackUrl } : {}),
      };
    case "voice":
      return {
        channel: "voice",
        messageId,
        to: recipient.address,
        speech: content.speech,
        voice: content.voice,
        language: content.language,
        ...(links.statusCallbackUrl ? { statusCallbackUrl: links.statusCallbackUrl } : {}),
      };
    case "push":
      return { ...content, messageId, targets: recipient.pushTargets ?? [] };
    case "in_app":
      return { ...content, messageId, userId: recipient.address };
    case "webhook":
      return { channel: "webhook", messageId, payload: content.payload };
  }
}
