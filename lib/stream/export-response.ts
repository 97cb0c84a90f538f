import { readExportFile } from "./export-files";

/** An export file as a download: gzip bytes of NDJSON, named for its hour or day. */
export async function exportFileResponse(workspaceId: string, destinationId: string, file: string) {
  const { name, body } = await readExportFile(workspaceId, destinationId, file);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
