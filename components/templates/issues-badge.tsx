import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TFlags } from "./editor-context";
import { summariseFlags } from "./use-template-preview";

/** The flags at a glance: errors block publishing, warnings (unknown variables, no default) do not. */
export function IssuesBadge({ flags }: { flags: TFlags }) {
  const t = useTranslations("templates.issues");
  const { errors, warnings } = summariseFlags(flags);
  if (!errors && !warnings)
    return (
      <Badge tone="green" data-testid="issues-badge">
        {t("none")}
      </Badge>
    );
  const parts = [
    errors ? t("errors", { count: errors }) : "",
    warnings ? t("warnings", { count: warnings }) : "",
  ].filter(Boolean);
  return (
    <Badge tone={errors ? "red" : "amber"} data-testid="issues-badge">
      {parts.join(" · ")}
    </Badge>
  );
}
