import { Badge } from "@/components/ui/badge";
import type { TFlags } from "./editor-context";
import { summariseFlags } from "./use-template-preview";

/** The flags at a glance: errors block publishing, warnings (unknown variables, no default) do not. */
export function IssuesBadge({ flags }: { flags: TFlags }) {
  const { errors, warnings } = summariseFlags(flags);
  if (!errors && !warnings)
    return (
      <Badge tone="green" data-testid="issues-badge">
        No issues
      </Badge>
    );
  const parts = [
    errors ? `${errors} ${errors === 1 ? "error" : "errors"}` : "",
    warnings ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "",
  ].filter(Boolean);
  return (
    <Badge tone={errors ? "red" : "amber"} data-testid="issues-badge">
      {parts.join(" · ")}
    </Badge>
  );
}
