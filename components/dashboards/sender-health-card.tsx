import { getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboards/chart-card";
import { SenderHealthTable } from "@/components/dashboards/sender-health-table";
import { SenderRatesChart } from "@/components/dashboards/sender-rates-chart";
import {
  COMPLAINT_RATE_LINE,
  type senderHealth,
  type senderRateSeries,
  type sendingDomainHealth,
  type sendingDomainRateSeries,
} from "@/lib/deliverability/sender-health";

/**
 * Each sending provider's and each sending domain's bounce and complaint rates by day, against
 * the complaint line. Domains come second, and only once mail has been sent with a From domain.
 */
export async function SenderHealthCard({
  senders,
  series: senderSeries,
  domains,
  domainSeries,
}: {
  senders: Awaited<ReturnType<typeof senderHealth>>;
  series: Awaited<ReturnType<typeof senderRateSeries>>;
  domains: Awaited<ReturnType<typeof sendingDomainHealth>>;
  domainSeries: Awaited<ReturnType<typeof sendingDomainRateSeries>>;
}) {
  const t = await getTranslations("dashboards.overview");
  return (
    <ChartCard
      title={t("senders.title")}
      description={t("senders.description")}
      empty={!senders.length}
      testId="chart-sender-rates"
      emptyText={t("senders.empty")}
    >
      <SenderRatesChart
        label={t("senders.chartLabel")}
        points={senderSeries.points}
        providers={senderSeries.providers}
        line={COMPLAINT_RATE_LINE * 100}
      />
      <SenderHealthTable rows={senders} />
      {domains.length ? (
        <section data-testid="sender-domains" className="mt-6">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("senders.domainsTitle")}</h3>
          <SenderRatesChart
            label={t("senders.domainChartLabel")}
            points={domainSeries.points}
            providers={domainSeries.domains}
            line={COMPLAINT_RATE_LINE * 100}
          />
          <SenderHealthTable rows={domains} by="domain" />
        </section>
      ) : null}
    </ChartCard>
  );
}
