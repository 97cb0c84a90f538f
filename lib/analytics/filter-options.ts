import { listJourneys } from "@/db/queries/journeys";
import { listSegmentRefs } from "@/db/queries/segments";
import type { TDashboardView, TFilterValue } from "./dashboard-params";

export async function journeyFilterOptions(workspaceId: string) {
  return (await listJourneys(workspaceId)).map((j) => ({ value: j.id, label: j.name }));
}

export async function segmentFilterOptions(workspaceId: string) {
  return (await listSegmentRefs(workspaceId))
    .map((s) => ({ value: s.id, label: s.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The filter form's fields for a view. */
export function filterValue(v: TDashboardView): TFilterValue {
  return {
    range: v.range.preset,
    from: v.range.from,
    to: v.range.to,
    channel: v.channel ?? "",
    journey: v.journeyId ?? "",
    segment: v.segmentId ?? "",
  };
}
