import { Badge } from "@/components/ui/badge";
import type { TJourneyStatus } from "../editor/journey-api";

const TONE = { draft: "neutral", live: "green", paused: "amber", stopped: "red" } as const;
const LABEL: Record<TJourneyStatus, string> = {
  draft: "Draft",
  live: "Live",
  paused: "Paused",
  stopped: "Stopped",
};

export function JourneyStatusBadge({ status }: { status: TJourneyStatus }) {
  return (
    <Badge tone={TONE[status]} data-testid="journey-status">
      {LABEL[status]}
    </Badge>
  );
}
