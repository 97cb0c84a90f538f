import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/error-alert";
import {
  sendersOverComplaintLine,
  sendingDomainsOverComplaintLine,
} from "@/lib/deliverability/sender-health";
import { formatNumber } from "@/lib/format/numbers";

/**
 * Shown above every settings page when a sending provider's or sending domain's complaint rate
 * over the last 30 days is at or above 0.3 %: past it, Gmail and Yahoo send the mail to spam or
 * refuse it. The domain is named because that is whose reputation suffers (and what to fix), even
 * when no single provider carrying its mail crosses the line.
 */
export async function SenderHealthBanner({
  workspaceId,
  slug,
}: {
  workspaceId: string;
  slug: string;
}) {
  const [over, overDomains] = await Promise.all([
    sendersOverComplaintLine(workspaceId),
    sendingDomainsOverComplaintLine(workspaceId),
  ]);
  if (!over.length && !overDomains.length) return null;
  const t = await getTranslations("settings.senderHealth");
  const locale = await getLocale();
  const figures = (s: { complaintRate: number; complaints: number; sent: number }) => ({
    rate: (s.complaintRate * 100).toFixed(2),
    complaints: formatNumber(s.complaints, locale),
    sent: formatNumber(s.sent, locale),
  });
  return (
    <ErrorAlert
      as="div"
      variant="box"
      data-testid="complaint-banner"
      className="mb-4 border border-red-200 px-4 py-3"
    >
      <strong className="font-semibold">{t("title")} </strong>
      {[
        ...over.map((s) => t("provider", { provider: s.provider, ...figures(s) })),
        ...overDomains.map((s) => t("domain", { domain: s.domain, ...figures(s) })),
      ].join("; ")}
      {t("body")}{" "}
      <Link className="font-medium underline" href={`/w/${slug}/dashboards`}>
        {t("rates")}
      </Link>
    </ErrorAlert>
  );
}
