import { z } from "zod";
import { AWS_SIGV4_SCHEME, pinpointPaths } from "./pinpoint-paths";
import { MAX_BATCH_ITEMS, ZAlias, ZGroup, ZIdentify, ZPage, ZTrack } from "@/lib/ingest/schemas";

// The OpenAPI document is generated from the same zod schemas the routes validate with, so the
// documentation cannot drift from what the API accepts.
const json = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return rest;
};

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          examples: ["validation_error", "invalid_api_key", "payload_too_large"],
        },
        message: { type: "string" },
        fields: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Field path → what is wrong with it",
        },
      },
    },
  },
};

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

function build() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Waymark API",
      version: "1.0.0",
      description:
        "Send contacts and events to Waymark. Compatible with the Segment Tracking API: point a Segment or RudderStack SDK at this host with a Waymark API key as the write key. Every call is idempotent by `messageId`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { segmentWriteKey: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A workspace API key (Settings → API keys)",
        },
        segmentWriteKey: {
          type: "http",
          scheme: "basic",
          description:
            "The API key as user name and an empty password, as Segment SDKs send their write key",
        },
        awsSigV4: AWS_SIGV4_SCHEME,
      },
      schemas: { Error: error },
    },
    paths: {
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
      "/contacts/{userId}": {
        parameters: [{ name: "userId", in: "path", required: true, schema: { type: "string" } }],
        get: {
          summary: "Read a contact",
          responses: {
            "200": {
              description: "The contact with its channels, opt-in state, devices and attributes",
            },
            "401": { description: "Bad key", content: { "application/json": { schema: error } } },
            "404": {
              description: "No such contact in this workspace",
              content: { "application/json": { schema: error } },
            },
          },
        },
        delete: {
          summary: "Erase a contact and all its data",
          description:
            "Right to erasure: the contact, its events, anonymous ids, devices and channel choices.",
          responses: {
            "204": { description: "Erased" },
            "404": {
              description: "No such contact in this workspace",
              content: { "application/json": { schema: error } },
            },
          },
        },
      },
      "/me": {
        get: {
          summary: "Check an API key",
          responses: {
            "200": { description: "The workspace the key writes to" },
            "401": { description: "Bad key", content: { "application/json": { schema: error } } },
          },
        },
      },
      ...pinpointPaths(),
    },
  };
}

export type TOpenApi = ReturnType<typeof build>;

let built: TOpenApi | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function buildOpenApi(): TOpenApi {
  built ??= build();
  return built;
}
