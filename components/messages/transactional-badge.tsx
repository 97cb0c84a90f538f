import { Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Marks a message the transactional API sent (its own lane: no frequency cap, no quiet hours). */
export function TransactionalBadge() {
  const t = useTranslations("messages.transactionalBadge");
  return (
    <Badge tone="amber" className="gap-0.5" title={t("title")} data-testid="transactional-badge">
      <Zap className="size-3" aria-hidden="true" />
      {t("label")}
    </Badge>
  );
}
