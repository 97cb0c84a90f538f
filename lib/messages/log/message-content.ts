import { z } from "zod";
import type { TSendChannel } from "@/lib/channels/types";

// Lenient: the row holds whatever the pipeline rendered, and a missing field shows as blank, not as an error page.
const str = z.string().catch("");
const optStr = z.string().nullable().catch(null);

export const ZEmailContent = z.object({
  to: str,
  from: str,
  subject: str,
  html: str,
  text: str,
  replyTo: optStr,
  headers: z.record(z.string(), z.string()).catch({}),
});
export const ZSmsContent = z.object({ to: str, from: optStr, body: str });
export const ZPushContent = z.object({
  targets: z.array(z.object({ platform: z.string().catch("web"), token: str })).catch([]),
  title: str,
  body: str,
  imageUrl: optStr,
  deepLink: optStr,
  data: z.record(z.string(), z.unknown()).catch({}),
});
export const ZVoiceContent = z.object({
  to: str,
  from: optStr,
  speech: str,
  voice: str,
  language: str,
});
export const ZInAppContent = z.object({
  title: str,
  body: str,
  imageUrl: optStr,
  buttons: z.array(z.object({ label: str, action: str, value: optStr })).catch([]),
});
export const ZWebhookContent = z.object({ url: optStr, payload: z.unknown() });

export type TMessageContentView =
  | { channel: "email"; content: z.infer<typeof ZEmailContent> }
  | { channel: "sms"; content: z.infer<typeof ZSmsContent> }
  | { channel: "push"; content: z.infer<typeof ZPushContent> }
  | { channel: "voice"; content: z.infer<typeof ZVoiceContent> }
  | { channel: "in_app"; content: z.infer<typeof ZInAppContent> }
  | { channel: "webhook"; content: z.infer<typeof ZWebhookContent> }
  | { channel: "none" };

/** The stored rendered content, typed for its channel's preview; `none` when nothing was rendered (skipped before rendering). */
export function readMessageContent(
  channel: TSendChannel,
  content: Record<string, unknown> | null,
): TMessageContentView {
  if (!content || typeof content !== "object") return { channel: "none" };
  switch (channel) {
    case "email":
      return { channel, content: ZEmailContent.parse(content) };
    case "sms":
      return { channel, content: ZSmsContent.parse(content) };
    case "push":
      return { channel, content: ZPushContent.parse(content) };
    case "voice":
      return { channel, content: ZVoiceContent.parse(content) };
    case "in_app":
      return { channel, content: ZInAppContent.parse(content) };
    case "webhook":
      return { channel, content: ZWebhookContent.parse(content) };
  }
}
