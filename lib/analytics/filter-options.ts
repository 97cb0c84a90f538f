import { listJourneys } from "@/db/queries/journeys";
import { listSegmentRefs } from "@/db/queries/segments";
import { SEND_CHANNELS } from "@/lib/channels/types";
import type { TDashboardView, TFilterValue } from "./dashboard-params";

const CHANNEL_LABEL: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  push: "Push",
  voice: "Voice",
  in_app: "In-app",
  webhook: "Webhook",
};
export const channelLabel = (c: string) => CHANNEL_LABEL[c] ?? c;
export const CHANNEL_FILTER_OPTIONS = SEND_CHANNELS.map((c) => ({
  value: c,
  label: channelLabel(c),
}));

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
