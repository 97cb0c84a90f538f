import { getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboards/chart-card";
import { SenderHealthTable } from "@/components/dashboards/sender-health-table";
import { SenderRatesChart } from "@/components/dashboards/sender-rates-chart";
import {
  COMPLAINT_RATE_LINE,
  type senderHealth,
  type senderRateSeries,
} from "@/lib/deliverability/sender-health";

/** Each sending provider's bounce and complaint rates by day, against the complaint line. */
export async function SenderHealthCard({
  senders,
  series: senderSeries,
}: {
  senders: Awaited<ReturnType<typeof senderHealth>>;
  series: Awaited<ReturnType<typeof senderRateSeries>>;
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
    </ChartCard>
  );
}
