import { getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboards/chart-card";
import { LabelledBarChart } from "@/components/dashboards/labelled-bar-chart";
import { RateTable } from "@/components/dashboards/rate-table";
import { StackedAreaChart } from "@/components/dashboards/stacked-area-chart";
import type {
  loadChannelPerformance,
  loadTransactionalPerformance,
} from "@/lib/analytics/dashboard-data";
import { importedKey, type loadSentByChannelWithImported } from "@/lib/analytics/imported-history";

/**
 * The overview's channel cards: sends by day and channel, each channel's funnel as bars and as
 * rates, and transactional sends apart (shown once there are some).
 */
export async function OverviewChannelCards({
  byChannel,
  channels,
  transactional,
  rangeText,
  csvHref: csv,
}: {
  /** Waymark's sends per channel, and imported Pinpoint sends as bands of their own. */
  byChannel: Awaited<ReturnType<typeof loadSentByChannelWithImported>>;
  channels: Awaited<ReturnType<typeof loadChannelPerformance>>;
  transactional: Awaited<ReturnType<typeof loadTransactionalPerformance>>;
  rangeText: string;
  /** The CSV export of a dataset, for the page's filters. */
  csvHref: (name: string) => string;
}) {
  const t = await getTranslations("dashboards.overview");
  const m = await getTranslations("dashboards.kpi.metric");
  const tc = await getTranslations("channels");
  const channelLabel = (c: string) => (tc.has(c as "email") ? tc(c as "email") : c);
  return (
    <>
      <div className="grid gap-5 lg:grid-cols-2">
        <ChartCard
          title={t("byChannelDaily")}
          description={
            byChannel.imported.length ? t("imported.channelHint") : t("byChannelDailyHint")
          }
          csvHref={csv("sent-by-channel-daily")}
          empty={!byChannel.channels.length && !byChannel.imported.length}
          testId="chart-channel-area"
        >
          <StackedAreaChart
            idPrefix="sent-ch"
            label={t("byChannelDailyLabel", { range: rangeText })}
            rows={byChannel.rows}
            keys={[
              ...byChannel.channels.map((c) => ({ key: c, label: channelLabel(c) })),
              ...byChannel.imported.map((c) => ({
                key: importedKey(c),
                label: t("imported.band", { channel: channelLabel(c) }),
              })),
            ]}
          />
        </ChartCard>
        <ChartCard
          title={t("byChannel")}
          description={t("byChannelHint")}
          csvHref={csv("channels")}
          empty={!channels.length}
          testId="chart-channel-bars"
        >
          <LabelledBarChart
            label={t("byChannelLabel", { range: rangeText })}
            rows={channels.map((c) => ({
              channel: channelLabel(c.channel),
              sent: c.sent,
              delivered: c.delivered,
              opened: c.opened,
              clicked: c.clicked,
            }))}
            categoryKey="channel"
            bars={[
              { key: "sent", label: m("sent") },
              { key: "delivered", label: m("delivered") },
              { key: "opened", label: m("opened") },
              { key: "clicked", label: m("clicked") },
            ]}
          />
        </ChartCard>
      </div>
      <ChartCard
        title={t("performance")}
        description={t("performanceHint")}
        csvHref={csv("channels")}
        empty={!channels.length}
        testId="table-channels"
      >
        <RateTable
          rows={channels.map((c) => ({ ...c, key: c.channel, name: channelLabel(c.channel) }))}
          nameHeader={t("channel")}
        />
      </ChartCard>
      {transactional.length ? (
        <ChartCard
          title={t("transactional.title")}
          description={t("transactional.description")}
          testId="table-transactional"
        >
          <RateTable
            rows={transactional.map((c) => ({
              ...c,
              key: c.channel,
              name: channelLabel(c.channel),
            }))}
            nameHeader={t("channel")}
          />
        </ChartCard>
      ) : null}
    </>
  );
}
