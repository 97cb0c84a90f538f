import type { TMessageEventType } from "@/db/schema";

const LABELS: Record<TMessageEventType, string> = {
  queued: "Queued",
  skipped: "Skipped",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
  opened: "Opened",
  clicked: "Clicked",
  replied: "Replied",
  unsubscribed: "Unsubscribed",
  seen: "Seen",
  dismissed: "Dismissed",
};

export type TEventTone = "neutral" | "green" | "red" | "brand" | "amber";
const TONES: Record<TMessageEventType, TEventTone> = {
  queued: "neutral",
  skipped: "amber",
  sent: "neutral",
  delivered: "green",
  failed: "red",
  bounced: "red",
  opened: "brand",
  clicked: "brand",
  replied: "brand",
  unsubscribed: "amber",
  seen: "brand",
  dismissed: "neutral",
};

const text = (v: unknown) =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null;

/**
 * A lifecycle step for the timeline: its label, and the one detail a person looks for first
 * (why it failed, which link, what they replied); the rest of the detail folds out as JSON.
 */
export function describeMessageEvent(type: TMessageEventType, detail: Record<string, unknown>) {
  const reason = text(detail.reason) ?? text(detail.error);
  const code = text(detail.code);
  const primary =
    type === "clicked"
      ? text(detail.url)
      : type === "replied"
        ? (text(detail.body) ?? text(detail.text))
        : reason
          ? code
            ? `${reason} (${code})`
            : reason
          : type === "sent"
            ? (text(detail.provider) ?? text(detail.providerMessageId))
            : null;
  return {
    label: LABELS[type],
    tone: TONES[type],
    primary,
    hasDetail: Object.keys(detail).length > 0,
  };
}
