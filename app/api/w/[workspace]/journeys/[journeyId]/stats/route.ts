import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";
import { journeyStats } from "@/lib/journeys/manage/journey-stats";

type P = { workspace: string; journeyId: string };

/** The canvas counts for the range in the query (`range=7d|14d|30d|90d|custom&from&to`, as the dashboards'). */
export const GET = withWorkspace<P>("read", async (req, { workspace, params }) => {
  const q = Object.fromEntries(new URL(req.url).searchParams);
  const { range } = parseDashboardParamsOrThrow(
    { range: q.range, from: q.from, to: q.to },
    workspace.timezone,
  );
  return NextResponse.json(
    await journeyStats(workspace.id, journeyIdOrThrow(params.journeyId), range),
  );
});
