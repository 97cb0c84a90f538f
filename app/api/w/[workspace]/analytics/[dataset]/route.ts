import { withWorkspace } from "@/app/_server/with-workspace";
import { datasetCsv } from "@/lib/analytics/csv-datasets";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { NotFoundError } from "@/lib/errors";

type P = { workspace: string; dataset: string };

/** A dashboard table or chart's data as CSV, for the view in the query string (analysts may: it is a read). */
export const GET = withWorkspace<P>("read", async (req, { workspace, params }) => {
  const m = /^([a-z-]+)\.csv$/.exec(params.dataset);
  if (!m?.[1]) throw new NotFoundError("No such export");
  const view = parseDashboardParamsOrThrow(
    Object.fromEntries(req.nextUrl.searchParams),
    workspace.timezone,
  );
  const csv = await datasetCsv(m[1], workspace.id, view);
  const suffix =
    view.range.from === view.range.to ? view.range.from : `${view.range.from}_${view.range.to}`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${workspace.slug}-${m[1]}-${suffix}.csv"`,
      "cache-control": "no-store",
    },
  });
});
