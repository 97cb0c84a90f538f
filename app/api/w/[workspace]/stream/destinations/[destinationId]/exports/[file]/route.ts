import { withWorkspace } from "@/app/_server/with-workspace";
import { exportFileResponse } from "@/lib/stream/export-response";

type P = { workspace: string; destinationId: string; file: string };

/** An export file for an admin's browser (the API has its own route, with a secret key). */
export const GET = withWorkspace<P>("manage", async (_req, { workspace, params }) =>
  exportFileResponse(workspace.id, params.destinationId, params.file),
);
