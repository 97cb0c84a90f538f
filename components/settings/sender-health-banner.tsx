import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/error-alert";
import { sendersOverComplaintLine } from "@/lib/deliverability/sender-health";
import { formatNumber } from "@/lib/format/numbers";

/**
 * Shown above every settings page when a sending provider's complaint rate over the last 30 days
 * is at or above 0.3 %: past it, Gmail and Yahoo send the mail to spam or refuse it.
 */
export async function SenderHealthBanner({
  workspaceId,
  slug,
}: {
  workspaceId: string;
  slug: string;
}) {
  const over = await sendersOverComplaintLine(workspaceId);
  if (!over.length) return null;
  const t = await getTranslations("settings.senderHealth");
  const locale = await getLocale();
  return (
    <ErrorAlert
      as="div"
      variant="box"
      data-testid="complaint-banner"
      className="mb-4 border border-red-200 px-4 py-3"
    >
      <strong className="font-semibold">{t("title")} </strong>
      {over
        .map((s) =>
          t("provider", {
            provider: s.provider,
            rate: (s.complaintRate * 100).toFixed(2),
            complaints: formatNumber(s.complaints, locale),
            sent: formatNumber(s.sent, locale),
          }),
        )
        .join("; ")}
      {t("body")}{" "}
      <Link className="font-medium underline" href={`/w/${slug}/dashboards`}>
        {t("rates")}
      </Link>
    </ErrorAlert>
  );
}
