import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TMessageStatus } from "@/lib/messages/log/message-log-params";
import { useReasonText } from "./use-reason-text";

export const STATUS_VIEW: Record<
  TMessageStatus,
  { label: string; tone: "neutral" | "brand" | "green" | "amber" | "red" }
> = {
  queued: { label: "Queued", tone: "neutral" },
  sending: { label: "Sending", tone: "neutral" },
  skipped: { label: "Skipped", tone: "amber" },
  sent: { label: "Sent", tone: "brand" },
  delivered: { label: "Delivered", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  bounced: { label: "Bounced", tone: "red" },
};

/** The status, with the reason on hover; `showReason` prints it under the badge too (skips and failures want reading). */
export function MessageStatusBadge({
  status,
  reason,
  showReason = false,
}: {
  status: TMessageStatus;
  reason: string | null;
  showReason?: boolean;
}) {
  const { tone } = STATUS_VIEW[status];
  const label = useTranslations("messages.status")(status);
  const reasonText = useReasonText()(reason);
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Badge tone={tone} title={reasonText ?? undefined} data-testid="status-badge">
        {label}
      </Badge>
      {showReason && reasonText ? (
        <span
          className="line-clamp-2 max-w-44 whitespace-normal text-xs text-slate-500"
          title={reasonText}
        >
          {reasonText}
        </span>
      ) : null}
    </span>
  );
}
