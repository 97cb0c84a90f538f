import type { z } from "zod";
import { ZSendOtp, ZVerifyOtp } from "@/lib/messages/otp/otp-request";
import { DELIVERY_STATUSES } from "@/lib/messages/transactional/pinpoint-status";
import { MAX_RECIPIENTS, ZSendMessagesRequest } from "@/lib/messages/transactional/send-request";

type TTools = { json: (schema: z.ZodType) => Record<string, unknown>; error: object };

const secretKey = "A secret key with the `messages:send` scope.";

/** Transactional messages and one-time passcodes: Pinpoint's SendMessages, SendUsersMessages, SendOTPMessage and VerifyOTPMessage. */
export function transactionalPaths({ json, error }: TTools) {
  const err = (description: string) => ({
    description,
    content: { "application/json": { schema: error } },
  });
  const common = {
    "400": err("Invalid input; `fields` names each problem (`recipients.3.phone`)"),
    "401": err("Missing, unknown or revoked API key"),
    "403": err("The key lacks the `messages:send` scope, or is a public key"),
  };
  const post = (
    summary: string,
    description: string,
    schema: z.ZodType,
    example: object,
    ok: object,
    extra: Record<string, unknown> = {},
  ) => ({
    post: {
      summary,
      description: `${description} ${secretKey}`,
      requestBody: {
        required: true,
        content: { "application/json": { schema: json(schema), example } },
      },
      responses: {
        "200": { description: "Done", content: { "application/json": { schema: ok } } },
        ...common,
        ...extra,
      },
    },
  });
  return {
    "/messages": post(
      "Send transactional messages now",
      `Up to ${MAX_RECIPIENTS} recipients, each by \`userId\` (the contact's address for the channel) or by a raw address (email, E.164 phone, push token; no contact needed). Content is a published template (by id or name; the latest version unless \`version\`) that reads \`{{ context.… }}\`, or inline \`content\`; a recipient's \`overrides\` replace subject, body or title for them alone. Sent in the priority lane: never behind a campaign, no frequency cap or quiet hours, but opt-outs and bounce suppression hold. One result per recipient, in Pinpoint's statuses. A retry with the same \`idempotencyKey\` sends nothing twice and answers the same (a \`TEMPORARY_FAILURE\` or \`THROTTLED\` message is tried again).`,
      ZSendMessagesRequest,
      {
        channel: "email",
        template: { name: "Order confirmation" },
        recipients: [
          { userId: "user-42", context: { orderId: "A-1001", total: "€42.50" } },
          { email: "guest@example.com", context: { orderId: "A-1002", total: "€9.90" } },
        ],
        idempotencyKey: "order-A-1001",
      },
      {
        type: "object",
        properties: {
          requestId: { type: "string", description: "The idempotencyKey, or one made up" },
          results: {
            type: "array",
            items: {
              type: "object",
              properties: {
                index: { type: "integer" },
                userId: { type: "string" },
                address: { type: "string" },
                messageId: { type: ["string", "null"], format: "uuid" },
                status: { enum: [...DELIVERY_STATUSES] },
                reason: { type: ["string", "null"] },
              },
            },
          },
        },
      },
      { "413": err("Body over 4 MB") },
    ),
    "/messages/{messageId}": {
      parameters: [
        {
          name: "messageId",
          in: "path",
          required: true,
          schema: { type: "string", format: "uuid" },
        },
      ],
      get: {
        summary: "A message's status and lifecycle",
        description: `Any message of the workspace: status, Pinpoint delivery status, and its events (queued, sent, delivered, opened, clicked, bounced…), oldest first. ${secretKey}`,
        responses: {
          "200": { description: "The message" },
          "401": common["401"],
          "404": err("No such message in this workspace"),
        },
      },
    },
    "/otp": post(
      "Send a one-time passcode",
      "A fresh code (4–10 digits) by SMS, voice call or email, valid for `validityMinutes` and `allowedAttempts` guesses; a new code for the same destination and `referenceId` replaces the old. Stored only as an HMAC. Premium-rate and shared-cost numbers are refused; sends are rate-limited per destination (5 in 15 min) and per number range (20 an hour): 429 beyond.",
      ZSendOtp,
      {
        channel: "sms",
        destination: "+14155550100",
        brandName: "Acme",
        referenceId: "login",
        codeLength: 6,
        validityMinutes: 10,
        allowedAttempts: 3,
      },
      {
        type: "object",
        properties: {
          messageId: { type: ["string", "null"] },
          deliveryStatus: { enum: [...DELIVERY_STATUSES] },
          reason: { type: ["string", "null"] },
          referenceId: { type: "string" },
          expiresAt: { type: "string", format: "date-time" },
        },
      },
      { "429": err("Too many codes for this destination or number range") },
    ),
    "/otp/verify": post(
      "Verify a one-time passcode",
      "200 either way: `valid` true once per code; otherwise why (`mismatch`, `expired`, `locked` after the allowed attempts, `no_active_code` when none was sent, it was used or replaced). Guesses are rate-limited per destination (429).",
      ZVerifyOtp,
      { destination: "+14155550100", referenceId: "login", otp: "123456" },
      {
        type: "object",
        properties: {
          valid: { type: "boolean" },
          reason: { enum: ["no_active_code", "expired", "locked", "mismatch", null] },
          attemptsRemaining: { type: "integer" },
        },
      },
      { "429": err("Too many guesses for this destination") },
    ),
  };
}
