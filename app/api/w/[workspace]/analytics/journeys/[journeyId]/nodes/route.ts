import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { loadJourneyDashboard } from "@/lib/analytics/dashboard-data";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { journeyIdOrThrow } from "@/lib/journeys/manage/journey-id";

type P = { workspace: string; journeyId: string };

/** Per-node counts for the journey canvas (passed in the range, here now, messages sent/opened/clicked), from the rollups. */
export const GET = withWorkspace<P>("read", async (req, { workspace, params }) => {
  const journeyId = journeyIdOrThrow(params.journeyId);
  const view = parseDashboardParamsOrThrow(
    { ...Object.fromEntries(req.nextUrl.searchParams), journey: journeyId },
    workspace.timezone,
  );
  const { nodes, totals } = await loadJourneyDashboard(workspace.id, journeyId, view);
  return NextResponse.json({ range: view.range, totals, nodes });
});
