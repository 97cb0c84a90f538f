import type { z } from "zod";
import { MAX_BATCH_ITEMS, ZAlias, ZGroup, ZIdentify, ZPage, ZTrack } from "@/lib/ingest/schemas";

type TTools = { json: (schema: z.ZodType) => Record<string, unknown>; error: object };

/**
 * The Segment-compatible ingestion calls (identify, track, page, screen, alias, group) and the
 * batch of them, each idempotent by `messageId`, with the answers they give.
 */
export function ingestPaths({ json, error }: TTools) {
  const callResult = {
    type: "object",
    properties: {
      success: { const: true },
      status: {
        enum: ["accepted", "duplicate"],
        description: "`duplicate`: this messageId was stored before; nothing changed",
      },
    },
  };

  const responses = (ok: object, okDescription = "Stored") => ({
    "200": { description: okDescription, content: { "application/json": { schema: ok } } },
    "400": {
      description: "Invalid input; `fields` names each problem",
      content: { "application/json": { schema: error } },
    },
    "401": {
      description: "Missing, unknown or revoked API key",
      content: { "application/json": { schema: error } },
    },
    "413": {
      description: "Body too large (64 KB per call, 1 MB per batch)",
      content: { "application/json": { schema: error } },
    },
  });

  const call = (summary: string, description: string, schema: z.ZodType, example: object) => ({
    post: {
      summary,
      description,
      requestBody: {
        required: true,
        content: { "application/json": { schema: json(schema), example } },
      },
      responses: responses(callResult),
    },
  });

  const batchItem = {
    oneOf: [json(ZIdentify), json(ZTrack), json(ZPage), json(ZAlias), json(ZGroup)],
  };

  return {
    "/identify": call(
      "Create or update a contact",
      "Sets channels (email, phone, push tokens), profile fields and typed attributes; `null` removes an attribute. Segment `traits` are read too.",
      ZIdentify,
      {
        userId: "user-42",
        email: "ada@example.com",
        phone: "+14155550100",
        timezone: "Europe/Paris",
        attributes: { plan: "pro", seats: 5, trialEndsAt: "2026-12-31" },
      },
    ),
    "/track": call(
      "Record an event",
      "`timestamp` defaults to now; past timestamps are accepted.",
      ZTrack,
      {
        userId: "user-42",
        event: "Order Completed",
        properties: { total: 42.5, currency: "EUR" },
        messageId: "order-1001",
      },
    ),
    "/page": call("Record a page view", "Stored as the event `$page`.", ZPage, {
      anonymousId: "a1b2",
      name: "Pricing",
    }),
    "/screen": call("Record a screen view", "Stored as the event `$screen`.", ZPage, {
      userId: "user-42",
      name: "Home",
    }),
    "/alias": call(
      "Merge an earlier id into a user",
      "`previousId` (an anonymousId or another userId) becomes part of `userId`'s contact.",
      ZAlias,
      {
        previousId: "a1b2",
        userId: "user-42",
      },
    ),
    "/group": call(
      "Put the user in an account (company, team)",
      "Creates the account `groupId` or merges its traits (null removes one); a user may belong to several. Segments and templates read the traits (`account.plan`). Stored as the event `$group`.",
      ZGroup,
      { userId: "user-42", groupId: "acme", traits: { plan: "enterprise", seats: 50 } },
    ),
    "/batch": {
      post: {
        summary: `Up to ${MAX_BATCH_ITEMS} calls at once`,
        description:
          "Each call is validated on its own: valid calls are stored together in one transaction, invalid ones are reported by index and field. The batch's `context` and `sentAt` apply to calls without their own.",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["batch"],
                properties: {
                  batch: { type: "array", maxItems: MAX_BATCH_ITEMS, items: batchItem },
                  context: { type: "object" },
                  sentAt: { type: "string", format: "date-time" },
                },
              },
              example: {
                batch: [
                  { type: "identify", userId: "user-42", traits: { email: "ada@example.com" } },
                  { type: "track", userId: "user-42", event: "Signed Up" },
                ],
              },
            },
          },
        },
        responses: responses(
          {
            type: "object",
            properties: {
              success: { type: "boolean", description: "false when any call was rejected" },
              accepted: { type: "integer" },
              duplicates: { type: "integer" },
              rejected: { type: "integer" },
              results: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    index: { type: "integer" },
                    status: { enum: ["accepted", "duplicate", "rejected"] },
                    field: { type: "string" },
                    message: { type: "string" },
                  },
                },
              },
            },
          },
          "Per-call results (400 when no call is valid)",
        ),
      },
    },
  };
}
