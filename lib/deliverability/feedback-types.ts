import type { TFeedbackType } from "@/db/schema";
import type { TSuppressibleChannel } from "./normalise-address";

export const FEEDBACK_SOURCES = [
  "ses",
  "sms_events",
  "sendgrid",
  "postmark",
  "mailgun",
  "resend",
  "smtp_dsn",
] as const;
export type TFeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/**
 * One piece of delivery feedback, whatever provider sent it: each receiver turns its provider's
 * payload into these, and applyFeedback does the rest the same way for all of them.
 */
export type TFeedback = {
  source: TFeedbackSource;
  /** The provider's id for this event: a second delivery of the same id is a replay. */
  eventId: string;
  type: TFeedbackType;
  channel: TSuppressibleChannel;
  address: string;
  /** Waymark's message id, when the feedback carries it (Message-ID header, VERP, tags). */
  messageId?: string | null;
  /** The provider's message id, as the send recorded it. */
  providerMessageId?: string | null;
  occurredAt: Date;
  detail?: Record<string, unknown>;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Waymark's message id inside a Message-ID header (`<uuid@domain>`), a VERP address or a tag. */
export function waymarkMessageId(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return UUID.exec(value)?.[0]?.toLowerCase() ?? null;
}

/** A timestamp from a payload, or now when it is missing or unreadable. */
export function feedbackTime(value: unknown): Date {
  const d =
    typeof value === "number"
      ? new Date(value < 1e12 ? value * 1000 : value)
      : typeof value === "string"
        ? new Date(value)
        : new Date(NaN);
  return Number.isNaN(d.getTime()) ? new Date() : d;
}
