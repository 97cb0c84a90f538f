import { z } from "zod";
import type { TFeedback } from "../feedback-types";
import { feedbackTime, waymarkMessageId } from "../feedback-types";

/** AWS End User Messaging SMS and voice events (as its event destinations publish to SNS). */
export const ZSmsEvent = z.looseObject({
  eventType: z.string().regex(/^(TEXT|VOICE|MEDIA)_/),
  eventTimestamp: z.union([z.number(), z.string()]).optional(),
  messageId: z.string().optional(),
  destinationPhoneNumber: z.string(),
  messageStatus: z.string().optional(),
  messageStatusDescription: z.string().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});

const OUTCOME: Record<string, TFeedback["type"] | "ignored"> = {
  TEXT_DELIVERED: "delivered",
  TEXT_SUCCESSFUL: "ignored",
  TEXT_PENDING: "ignored",
  TEXT_QUEUED: "ignored",
  TEXT_INVALID: "hard_bounce",
  TEXT_BLOCKED: "blocked",
  TEXT_CARRIER_BLOCKED: "blocked",
  TEXT_PROTECT_BLOCKED: "blocked",
  TEXT_SPAM: "blocked",
  TEXT_OPTED_OUT: "blocked",
  TEXT_UNREACHABLE: "soft_bounce",
  TEXT_CARRIER_UNREACHABLE: "soft_bounce",
  TEXT_TTL_EXPIRED: "soft_bounce",
  TEXT_UNKNOWN: "soft_bounce",
  TEXT_INVALID_MESSAGE: "rejected",
  VOICE_COMPLETED: "delivered",
  VOICE_ANSWERED: "ignored",
  VOICE_INITIATED: "ignored",
  VOICE_RINGING: "ignored",
  VOICE_BUSY: "ignored",
  VOICE_NO_ANSWER: "ignored",
  VOICE_FAILED: "soft_bounce",
  VOICE_TTL_EXPIRED: "soft_bounce",
};

export type TSmsParse =
  | { kind: "feedback"; feedback: TFeedback[] }
  | { kind: "ignored" }
  | { kind: "unknown"; type: string };

export function smsEventFeedback(snsMessageId: string, e: z.infer<typeof ZSmsEvent>): TSmsParse {
  const outcome = OUTCOME[e.eventType];
  if (!outcome) return { kind: "unknown", type: e.eventType };
  if (outcome === "ignored") return { kind: "ignored" };
  const ctx = e.context ?? {};
  return {
    kind: "feedback",
    feedback: [
      {
        source: "sms_events",
        eventId: snsMessageId,
        type: outcome,
        channel: e.eventType.startsWith("VOICE_") ? "voice" : "sms",
        address: e.destinationPhoneNumber,
        messageId: waymarkMessageId(ctx["waymark-message-id"] ?? ctx.messageId),
        providerMessageId: e.messageId ?? null,
        occurredAt: feedbackTime(e.eventTimestamp),
        detail: {
          eventType: e.eventType,
          messageStatus: e.messageStatus,
          diagnostic: e.messageStatusDescription,
        },
      },
    ],
  };
}
