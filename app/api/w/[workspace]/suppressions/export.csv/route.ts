import { withWorkspace } from "@/app/_server/with-workspace";
import { exportSuppressionsCsv } from "@/lib/deliverability/manage-suppressions";

/** The suppression list as CSV, in the columns the import reads. */
export const GET = withWorkspace("manage", async (_req, { workspace }) => {
  return new Response(await exportSuppressionsCsv(workspace.id), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${workspace.slug}-suppressions.csv"`,
      "cache-control": "no-store",
    },
  });
});
