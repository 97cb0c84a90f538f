import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const TONE = {
  active: "brand",
  completed: "green",
  exited: "neutral",
  cancelled: "amber",
  failed: "red",
} as const;

/** An entry's status; an active entry whose executor run failed shows as failed. */
export function RunStatusBadge({
  status,
  executorStatus,
}: {
  status: keyof typeof TONE;
  executorStatus?: string | null;
}) {
  const t = useTranslations("journeys.runs.state");
  const shown = status === "active" && executorStatus === "failed" ? "failed" : status;
  return (
    <Badge tone={TONE[shown]} data-testid="run-status">
      {t(shown)}
    </Badge>
  );
}
