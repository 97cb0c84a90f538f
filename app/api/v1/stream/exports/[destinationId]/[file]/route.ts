import { withApiKey } from "@/app/_server/with-api-key";
import { exportFileResponse } from "@/lib/stream/export-response";

type P = { destinationId: string; file: string };

/** `GET /api/v1/stream/exports/{destinationId}/{2026-12-06T23}`: one file, gzip NDJSON. */
export const GET = withApiKey<P>("stream:read", async (_req, { apiKey, params }) =>
  exportFileResponse(apiKey.workspace.id, params.destinationId, params.file),
);
