import { z } from "zod";
import type { TFeedback } from "../feedback-types";
import { feedbackTime, waymarkMessageId } from "../feedback-types";
import { parseJsonBody, parsedOk, refuse, type TParsed, type TWebhookRequest } from "./types";

const ZPostmark = z.looseObject({
  RecordType: z.string(),
  ID: z.union([z.number(), z.string()]).optional(),
  Type: z.string().optional(),
  Email: z.string().optional(),
  Recipient: z.string().optional(),
  MessageID: z.string().optional(),
  BouncedAt: z.string().optional(),
  DeliveredAt: z.string().optional(),
  Description: z.string().optional(),
  Details: z.string().optional(),
  Metadata: z.record(z.string(), z.unknown()).optional(),
});

const HARD = new Set(["HardBounce", "BadEmailAddress", "ManuallyDeactivated", "AddressChange"]);
const SOFT = new Set(["SoftBounce", "Transient", "DnsError", "Blocked", "SMTPApiError"]);
const IGNORED_BOUNCES = new Set([
  "AutoResponder",
  "OpenRelayTest",
  "Unknown",
  "Subscribe",
  "Unsubscribe",
  "ChallengeVerification",
  "VirusNotification",
  "InboundError",
  "DMARCPolicy",
  "TemplateRenderingFailed",
]);
const IGNORED = new Set(["Open", "Click", "SubscriptionChange"]);

/**
 * Postmark's bounce, spam-complaint and delivery webhooks. Postmark does not sign its webhooks:
 * the secret token in the URL (and HTTP Basic credentials, which Postmark sends when the URL
 * carries them) authenticate it; a replay is caught by Postmark's record id.
 */
export function receivePostmark(req: TWebhookRequest): TParsed {
  const parsed = ZPostmark.safeParse(parseJsonBody(req.body));
  if (!parsed.success) return refuse(400, "invalid_body", "not a Postmark webhook");
  const p = parsed.data;
  if (IGNORED.has(p.RecordType)) return parsedOk([], 1);
  let type: TFeedback["type"] | null = null;
  if (p.RecordType === "Delivery") type = "delivered";
  else if (p.RecordType === "SpamComplaint") type = "complaint";
  else if (p.RecordType === "Bounce") {
    if (p.Type === "SpamNotification" || p.Type === "SpamComplaint") type = "complaint";
    else if (HARD.has(p.Type ?? "")) type = "hard_bounce";
    else if (SOFT.has(p.Type ?? "")) type = "soft_bounce";
    else if (IGNORED_BOUNCES.has(p.Type ?? "")) return parsedOk([], 1);
  }
  const address = p.Email ?? p.Recipient;
  if (!type || !address)
    return refuse(400, "unknown_type", `unknown Postmark record ${p.RecordType}/${p.Type ?? ""}`);
  return parsedOk([
    {
      source: "postmark",
      eventId: `${p.RecordType}:${p.ID ?? p.MessageID ?? address}`,
      type,
      channel: "email",
      address,
      messageId: waymarkMessageId(p.Metadata?.["waymark-message-id"]),
      providerMessageId: p.MessageID ?? null,
      occurredAt: feedbackTime(p.BouncedAt ?? p.DeliveredAt),
      detail: { bounceType: p.Type, diagnostic: p.Details || p.Description },
    },
  ]);
}
