import { useTranslations } from "next-intl";
import { reasonMessage } from "@/lib/messages/log/reason-message";

/**
 * A message's skip or failure reason in the viewer's language: the reasons Waymark writes itself
 * are read back into catalogue keys (lib/messages/log/reason-message.ts); a provider's own text
 * shows as it is. Usable in server and client components.
 */
export function useReasonText() {
  const t = useTranslations("messages.reasons");
  const word = (group: "channel" | "source" | "suppression", code: string) =>
    t.has(`${group}.${code}` as "channel.email") ? t(`${group}.${code}` as "channel.email") : code;
  return (reason: string | null): string | null => {
    if (!reason) return reason;
    const m = reasonMessage(reason);
    if (!m) return reason;
    switch (m.key) {
      case "optedOutAll":
        return t(m.key, { source: word("source", m.values.source) });
      case "optedOutChannel":
        return t(m.key, {
          channel: word("channel", m.values.channel),
          source: word("source", m.values.source),
        });
      case "noProvider":
        return t(m.key, { channel: word("channel", m.values.channel) });
      case "suppressed":
        return t(m.key, { suppression: word("suppression", m.values.suppression) });
      case "topicOptOut":
        return t(m.key, m.values);
      case "providerError":
      case "templateError":
        return t(m.key, m.values);
      default:
        return t(m.key);
    }
  };
}
