/**
 * The event stream's export API in the OpenAPI document: list the NDJSON export files and download
 * one. A secret key with the `stream:read` scope (docs/event-stream.md).
 */
export function streamPaths(error: Record<string, unknown>) {
  const bad = { description: "Bad key", content: { "application/json": { schema: error } } };
  const scope = {
    description: "The key lacks the stream:read scope",
    content: { "application/json": { schema: error } },
  };
  return {
    "/stream/exports": {
      get: {
        summary: "List event-stream export files",
        description:
          "NDJSON export destinations write one gzip file per hour or day (UTC). Newest first; `url` downloads the file with the same key.",
        parameters: [
          { name: "destinationId", in: "query", schema: { type: "string", format: "uuid" } },
          {
            name: "since",
            in: "query",
            description: "Files whose period starts at or after this ISO date-time",
            schema: { type: "string", format: "date-time" },
          },
          {
            name: "limit",
            in: "query",
            schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
          },
        ],
        responses: {
          "200": {
            description: "The files",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    files: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          destinationId: { type: "string" },
                          destination: { type: "string" },
                          period: { enum: ["hour", "day"] },
                          periodStart: { type: "string", format: "date-time" },
                          name: {
                            type: "string",
                            example: "waymark-events-2026-12-06T23.ndjson.gz",
                          },
                          events: { type: "integer" },
                          bytes: { type: "integer" },
                          updatedAt: { type: "string", format: "date-time" },
                          url: {
                            type: "string",
                            example: "/api/v1/stream/exports/4f1c…/2026-12-06T23",
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "400": {
            description: "A query parameter is invalid (named in `fields`)",
            content: { "application/json": { schema: error } },
          },
          "401": bad,
          "403": scope,
        },
      },
    },
    "/stream/exports/{destinationId}/{file}": {
      parameters: [
        {
          name: "destinationId",
          in: "path",
          required: true,
          schema: { type: "string", format: "uuid" },
        },
        {
          name: "file",
          in: "path",
          required: true,
          description: "The period: `2026-12-06T23` (hourly) or `2026-12-06` (daily)",
          schema: { type: "string" },
        },
      ],
      get: {
        summary: "Download an event-stream export file",
        description:
          "Gzip NDJSON, one event per line in the destination's format; a file still filling (the current hour or day) holds what has arrived so far.",
        responses: {
          "200": {
            description: "The file",
            content: { "application/gzip": { schema: { type: "string", format: "binary" } } },
          },
          "401": bad,
          "403": scope,
          "404": {
            description: "No such file",
            content: { "application/json": { schema: error } },
          },
        },
      },
    },
  };
}
