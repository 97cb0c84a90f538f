import { withWorkspace } from "@/app/_server/with-workspace";
import { errorReportStream } from "@/lib/imports/error-report";
import { findImportOrThrow } from "@/lib/imports/find-import-or-throw";

type P = { workspace: string; importId: string };

/** The rejected rows as CSV (analysts may download it too: it is a read). */
export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) => {
  const imp = await findImportOrThrow(workspace.id, params.importId);
  const base = imp.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
  return new Response(errorReportStream(workspace.id, imp.id, imp.header), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${base}-errors.csv"`,
      "cache-control": "no-store",
    },
  });
});
