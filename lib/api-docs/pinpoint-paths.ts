import { z } from "zod";
import {
  ZEndpointBatchRequest,
  ZEndpointRequest,
  ZEventsRequest,
} from "@/lib/pinpoint/pinpoint-schemas";

// The Pinpoint-compatible routes in the OpenAPI document, from the schemas they validate with.
// They live under their own server (`/api/pinpoint`) and are signed with AWS SigV4, so each path
// names both; the API page leaves them to the Pinpoint card (a curl line cannot sign).
const json = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return rest;
};

const pinpointError = {
  type: "object",
  properties: { Message: { type: "string" }, RequestID: { type: "string" } },
  description: "The exception's name is in the `x-amzn-ErrorType` header",
};
const errors = {
  "400": {
    description: "BadRequestException: the field and why",
    content: { "application/json": { schema: pinpointError } },
  },
  "403": {
    description: "Bad, stale or replayed signature; unknown key; no pinpoint scope",
    content: { "application/json": { schema: pinpointError } },
  },
  "404": {
    description: "NotFoundException: unknown application, endpoint or user",
    content: { "application/json": { schema: pinpointError } },
  },
  "503": { description: "Database unavailable; retry (Retry-After)" },
};
const accepted = {
  "202": {
    description: "Accepted",
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: { Message: { type: "string" }, RequestID: { type: "string" } },
        },
      },
    },
  },
};
const body = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: json(schema) } },
});
const common = { servers: [{ url: "/api/pinpoint" }], security: [{ awsSigV4: [] }] };

export const AWS_SIGV4_SCHEME = {
  type: "apiKey",
  in: "header",
  name: "Authorization",
  description:
    "AWS Signature Version 4, service `mobiletargeting`, with the AWS access key id and secret of a key holding the `pinpoint` scope; what AWS SDKs send",
} as const;

export function pinpointPaths() {
  return {
    "/v1/apps/{ApplicationId}/events": {
      ...common,
      post: {
        summary: "PutEvents (Amazon Pinpoint)",
        description:
          "Events of endpoints (≤ 100 a call), each endpoint updated first; answered per item.",
        requestBody: body(ZEventsRequest),
        responses: {
          "202": { description: "`Results`: per endpoint and event, StatusCode and Message" },
          ...errors,
        },
      },
    },
    "/v1/apps/{ApplicationId}/endpoints": {
      ...common,
      put: {
        summary: "UpdateEndpointsBatch (Amazon Pinpoint)",
        requestBody: body(ZEndpointBatchRequest),
        responses: { ...accepted, ...errors },
      },
    },
    "/v1/apps/{ApplicationId}/endpoints/{EndpointId}": {
      ...common,
      get: {
        summary: "GetEndpoint (Amazon Pinpoint)",
        responses: { "200": { description: "EndpointResponse" }, ...errors },
      },
      put: {
        summary: "UpdateEndpoint (Amazon Pinpoint)",
        requestBody: body(ZEndpointRequest),
        responses: { ...accepted, ...errors },
      },
      delete: {
        summary: "DeleteEndpoint (Amazon Pinpoint)",
        responses: { "202": { description: "The deleted EndpointResponse" }, ...errors },
      },
    },
    "/v1/apps/{ApplicationId}/users/{UserId}": {
      ...common,
      get: {
        summary: "GetUserEndpoints (Amazon Pinpoint)",
        responses: { "200": { description: "EndpointsResponse" }, ...errors },
      },
      delete: {
        summary: "DeleteUserEndpoints (Amazon Pinpoint)",
        responses: { "202": { description: "The deleted endpoints" }, ...errors },
      },
    },
  };
}
