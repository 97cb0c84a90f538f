import { Badge } from "@/components/ui/badge";
import type { TContactImportStatus } from "@/db/schema";

const LOOK: Record<
  TContactImportStatus,
  { label: string; tone: "neutral" | "brand" | "green" | "amber" | "red" }
> = {
  uploaded: { label: "Draft", tone: "neutral" },
  queued: { label: "Queued", tone: "brand" },
  validating: { label: "Checking file", tone: "brand" },
  importing: { label: "Importing", tone: "brand" },
  completed: { label: "Completed", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  discarded: { label: "Expired", tone: "neutral" },
};

export function ImportStatusBadge({ status }: { status: TContactImportStatus }) {
  const { label, tone } = LOOK[status];
  return <Badge tone={tone}>{label}</Badge>;
}
