import { NextResponse } from "next/server";
import { readUploadedFile } from "@/app/_server/read-upload";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listEventImports } from "@/db/queries/pinpoint-event-imports";
import { emitExecutorEvents } from "@/inngest/emit-events";
import { PINPOINT_EVENT_IMPORT_QUEUED, ZPinpointEventImportQueued } from "@/inngest/events";
import { createEventImport } from "@/lib/pinpoint/events/create-event-import";
import { eventImportView } from "@/lib/pinpoint/events/event-import-view";
import { MAX_EVENT_FILE_BYTES } from "@/lib/pinpoint/events/limits";

/** Settings → Import from Pinpoint → Event history: the latest imports and their progress. */
export const GET = withWorkspace("manage", async (_req, { workspace }) =>
  NextResponse.json({ imports: (await listEventImports(workspace.id)).map(eventImportView) }),
);

/**
 * Multipart upload of one event-stream file (field `file`; NDJSON, gzip or not). Stored and
 * queued at once; the pinpoint-event-import job runs it in the background (202).
 */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  const file = await readUploadedFile(req, MAX_EVENT_FILE_BYTES);
  const imp = await createEventImport(workspace.id, user.id, file);
  // The job starts at once; if the executor is unreachable, its minute cron will.
  await emitExecutorEvents([
    {
      name: PINPOINT_EVENT_IMPORT_QUEUED,
      id: `pinpoint-event-import-${imp.id}`,
      data: ZPinpointEventImportQueued.parse({ workspaceId: workspace.id, importId: imp.id }),
    },
  ]);
  return NextResponse.json({ import: eventImportView(imp) }, { status: 202 });
});
