import { NextResponse } from "next/server";
import { withApiKey } from "@/app/_server/with-api-key";
import { listExportFiles } from "@/lib/stream/export-files";

/**
 * `GET /api/v1/stream/exports?destinationId=&since=&limit=`: the workspace's NDJSON export files,
 * newest first, each with the URL that downloads it. A secret key with the `stream:read` scope.
 */
export const GET = withApiKey("stream:read", async (req, { apiKey }) => {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  return NextResponse.json({
    files: await listExportFiles(apiKey.workspace.id, query, "/api/v1/stream/exports"),
  });
});
