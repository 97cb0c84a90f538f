import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TJourneyStatus } from "../editor/journey-api";

const TONE = { draft: "neutral", live: "green", paused: "amber", stopped: "red" } as const;
export function JourneyStatusBadge({ status }: { status: TJourneyStatus }) {
  const t = useTranslations("journeys.status");
  return (
    <Badge tone={TONE[status]} className="whitespace-nowrap" data-testid="journey-status">
      {t(status)}
    </Badge>
  );
}
