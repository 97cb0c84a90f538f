import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { TFeedback } from "../feedback-types";
import { feedbackTime, waymarkMessageId } from "../feedback-types";
import {
  freshTimestamp,
  parseJsonBody,
  parsedOk,
  refuse,
  type TParsed,
  type TWebhookRequest,
} from "./types";

const ZResend = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z.looseObject({
    email_id: z.string().optional(),
    to: z.union([z.array(z.string()), z.string()]).optional(),
    bounce: z
      .looseObject({
        type: z.string().optional(),
        subType: z.string().optional(),
        message: z.string().optional(),
      })
      .optional(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
    tags: z
      .union([
        z.record(z.string(), z.string()),
        z.array(z.object({ name: z.string(), value: z.string() })),
      ])
      .optional(),
  }),
});

export const SVIX_WINDOW_MS = 5 * 60_000;
const IGNORED = new Set([
  "email.sent",
  "email.opened",
  "email.clicked",
  "email.scheduled",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "domain.created",
  "domain.updated",
  "domain.deleted",
]);

/** Svix's signature (Resend signs with Svix): HMAC-SHA256 of `id.timestamp.body`, base64. */
export function svixSignature(secret: string, id: string, timestamp: string, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/**
 * Resend's webhooks, signed by Svix: `svix-signature` holds one or more `v1,<base64>` entries,
 * one of which must match; `svix-timestamp` must be within five minutes; `svix-id` is the
 * event's id, so a replay is recognised.
 */
export function receiveResend(req: TWebhookRequest, secret: string | null): TParsed {
  if (!secret) return refuse(403, "not_configured", "no Resend signing secret is set");
  const id = req.headers.get("svix-id");
  const timestamp = req.headers.get("svix-timestamp");
  const signatures = req.headers.get("svix-signature");
  if (!id || !timestamp || !signatures)
    return refuse(403, "invalid_signature", "unsigned Resend event");
  if (!freshTimestamp(timestamp, SVIX_WINDOW_MS))
    return refuse(403, "stale", "Resend timestamp outside the replay window");
  const expected = Buffer.from(svixSignature(secret, id, timestamp, req.body));
  const good = signatures.split(" ").some((entry) => {
    const [version, sig] = entry.split(",");
    if (version !== "v1" || !sig) return false;
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!good) return refuse(403, "invalid_signature", "Resend signature does not verify");
  const parsed = ZResend.safeParse(parseJsonBody(req.body));
  if (!parsed.success) return refuse(400, "invalid_body", "not a Resend webhook");
  const e = parsed.data;
  if (IGNORED.has(e.type)) return parsedOk([], 1);
  const type: TFeedback["type"] | null =
    e.type === "email.delivered"
      ? "delivered"
      : e.type === "email.bounced"
        ? e.data.bounce?.type && e.data.bounce.type !== "Permanent"
          ? "soft_bounce"
          : "hard_bounce"
        : e.type === "email.complained"
          ? "complaint"
          : e.type === "email.delivery_delayed"
            ? "delayed"
            : e.type === "email.failed"
              ? "rejected"
              : null;
  if (!type) return refuse(400, "unknown_type", `unknown Resend event ${e.type}`);
  const to = Array.isArray(e.data.to) ? e.data.to : e.data.to ? [e.data.to] : [];
  const tags = e.data.tags;
  const tag = Array.isArray(tags)
    ? tags.find((t) => t.name === "waymark-message-id")?.value
    : tags?.["waymark-message-id"];
  const header = e.data.headers?.find((h) => /^message-id$/i.test(h.name))?.value;
  return parsedOk(
    to.map((address) => ({
      source: "resend" as const,
      eventId: `${id}:${address.toLowerCase()}`,
      type,
      channel: "email" as const,
      address,
      messageId: waymarkMessageId(tag) ?? waymarkMessageId(header),
      providerMessageId: e.data.email_id ?? null,
      occurredAt: feedbackTime(e.created_at),
      detail: { bounceType: e.data.bounce?.type, diagnostic: e.data.bounce?.message },
    })),
  );
}
