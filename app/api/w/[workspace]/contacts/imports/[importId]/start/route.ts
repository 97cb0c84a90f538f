import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { emitExecutorEvents } from "@/inngest/emit-events";
import { CONTACT_IMPORT_QUEUED, ZContactImportQueued } from "@/inngest/events";
import { importView } from "@/lib/imports/import-view";
import { startImport, ZStartImport } from "@/lib/imports/start-import";

type P = { workspace: string; importId: string };

/** `{ mapping: { columns: [...] } }`, one target per column; 400 names the entry that is wrong. */
export const POST = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const body = await parseJson(req, ZStartImport);
  const queued = await startImport(workspace.id, params.importId, body);
  // The contact-import job starts at once; if the executor is unreachable, its minute cron will.
  await emitExecutorEvents([
    {
      name: CONTACT_IMPORT_QUEUED,
      id: `import-${queued.id}`,
      data: ZContactImportQueued.parse({ workspaceId: workspace.id, importId: queued.id }),
    },
  ]);
  return NextResponse.json({ import: importView(queued) }, { status: 202 });
});
