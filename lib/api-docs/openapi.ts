import { z } from "zod";
import { contactPaths } from "./contact-paths";
import { ingestPaths } from "./ingest-paths";
import { AWS_SIGV4_SCHEME, pinpointPaths } from "./pinpoint-paths";
import { transactionalPaths } from "./transactional-paths";
import { streamPaths } from "./stream-paths";

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

function build() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Waymark API",
      version: "1.0.0",
      description:
        "Send contacts and events to Waymark, and send transactional messages and one-time passcodes from your backend. Compatible with the Segment Tracking API: point a Segment or RudderStack SDK at this host with a Waymark API key as the write key. Every ingestion call is idempotent by `messageId`, every send by `idempotencyKey`.",
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
      ...ingestPaths({ json, error }),
      ...contactPaths(error),
      ...transactionalPaths({ json, error }),
      ...streamPaths(error),
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
