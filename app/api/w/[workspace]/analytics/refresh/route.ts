import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { refreshDashboardNow } from "@/lib/analytics/refresh-dashboard-now";

/**
 * "Refresh now" on the dashboards, for admins: folds the raw events in without waiting for the
 * 30-second job (incremental; a full rebuild stays an operator's command). Answers when done.
 */
export const POST = withWorkspace("manage", async () =>
  NextResponse.json(await refreshDashboardNow()),
);
