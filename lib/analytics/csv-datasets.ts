import { NotFoundError, ValidationError } from "@/lib/errors";
import { buildCsv, type TCsvColumn } from "./build-csv";
import {
  loadChannelPerformance,
  loadJourneyDashboard,
  loadJourneySummaries,
  loadOverviewDaily,
  loadOverviewTotals,
  loadSegmentSizes,
  loadTemplatePerformance,
} from "./dashboard-data";
import type { TDashboardView } from "./dashboard-params";
import {
  importedKey,
  loadImportedHistory,
  loadSentByChannelWithImported,
} from "./imported-history";

const cols = <R extends Record<string, unknown>>(
  ...pairs: [keyof R & string, string][]
): TCsvColumn<R>[] => pairs.map(([key, header]) => ({ key, header }));
const RATE_COLUMNS: [string, string][] = [
  ["deliveryRate", "Delivery rate (of sent)"],
  ["openRate", "Open rate (of delivered)"],
  ["clickRate", "Click rate (of delivered)"],
  ["bounceRate", "Bounce rate (of sent)"],
  ["unsubscribeRate", "Unsubscribe rate (of delivered)"],
];
const COUNT_COLUMNS: [string, string][] = [
  ["sent", "Sent"],
  ["delivered", "Delivered"],
  ["opened", "Opened"],
  ["clicked", "Clicked"],
  ["bounced", "Bounced"],
  ["failed", "Failed"],
  ["unsubscribed", "Unsubscribed"],
];

function journeyOf(v: TDashboardView) {
  if (!v.journeyId) throw new ValidationError({ journey: "choose a journey" });
  return v.journeyId;
}

/** Every table and chart's data by the name in its export link (`/api/w/<ws>/analytics/<name>.csv`). */
export const CSV_DATASETS: Record<string, (ws: string, v: TDashboardView) => Promise<string>> = {
  "overview-totals": async (ws, v) =>
    buildCsv(
      cols(
        ["metric", "Metric"],
        ["current", `${v.range.from} – ${v.range.to}`],
        ["previous", `${v.previous.from} – ${v.previous.to}`],
        ["change", "Change"],
      ),
      await loadOverviewTotals(ws, v),
    ),
  "overview-daily": async (ws, v) =>
    buildCsv(
      cols(
        ["day", "Day"],
        ["sent", "Sent"],
        ["delivered", "Delivered"],
        ["opened", "Opened"],
        ["clicked", "Clicked"],
        ["failed", "Failed"],
        ["unsubscribed", "Opted out"],
        ["conversions", "Conversions"],
      ),
      await loadOverviewDaily(ws, v),
    ),
  "sent-by-channel-daily": async (ws, v) => {
    const { channels, imported, rows } = await loadSentByChannelWithImported(ws, v);
    return buildCsv(
      [
        { key: "day", header: "Day" },
        ...channels.map((c) => ({ key: c, header: `Sent (${c})` })),
        ...imported.map((c) => ({
          key: importedKey(c),
          header: `Sent (${c}, imported from Pinpoint)`,
        })),
      ],
      rows,
    );
  },
  "pinpoint-history-daily": async (ws, v) =>
    buildCsv(
      cols(
        ["day", "Day"],
        ["sent", "Sent"],
        ["delivered", "Delivered"],
        ["opened", "Opened"],
        ["clicked", "Clicked"],
        ["bounced", "Bounced"],
        ["failed", "Failed"],
        ["unsubscribed", "Opted out"],
        ["replied", "Replied"],
      ),
      (await loadImportedHistory(ws, v)).daily,
    ),
  channels: async (ws, v) =>
    buildCsv(
      cols(["channel", "Channel"], ...COUNT_COLUMNS, ...RATE_COLUMNS) as TCsvColumn<
        Record<string, unknown>
      >[],
      await loadChannelPerformance(ws, v),
    ),
  templates: async (ws, v) =>
    buildCsv(
      cols(
        ["template", "Template"],
        ["version", "Version"],
        ["channel", "Channel"],
        ...COUNT_COLUMNS,
        ...RATE_COLUMNS,
      ) as TCsvColumn<Record<string, unknown>>[],
      await loadTemplatePerformance(ws, v),
    ),
  "segment-sizes": async (ws, v) =>
    buildCsv(
      cols(["name", "Segment"], ["day", "Day"], ["size", "Contacts"]),
      await loadSegmentSizes(ws, v),
    ),
  "journey-funnel": async (ws, v) =>
    buildCsv(
      cols(
        ["label", "Step"],
        ["count", "Count"],
        ["ofPrevious", "Rate from previous step"],
        ["ofEntered", "Rate from entered"],
      ),
      (await loadJourneyDashboard(ws, journeyOf(v), v)).funnel,
    ),
  "journey-messages": async (ws, v) =>
    buildCsv(
      cols(["label", "Stage"], ["count", "Messages"], ["rate", "Rate"], ["rateOf", "Rate of"]),
      (await loadJourneyDashboard(ws, journeyOf(v), v)).messageStages,
    ),
  "journey-flow": async (ws, v) =>
    buildCsv(
      cols(
        ["day", "Day"],
        ["entered", "Entered"],
        ["exited", "Exited"],
        ["converted", "Goal reached"],
      ),
      (await loadJourneyDashboard(ws, journeyOf(v), v)).flow,
    ),
  "journey-nodes": async (ws, v) =>
    buildCsv(
      cols(
        ["label", "Step"],
        ["passed", "Passed"],
        ["ways", "Ways out"],
        ["active", "Here now"],
        ["sent", "Sent"],
        ["opened", "Opened"],
        ["clicked", "Clicked"],
      ),
      (await loadJourneyDashboard(ws, journeyOf(v), v)).nodes.map((n) => ({
        ...n,
        ways: n.outcomes.map((o) => `${o.label} ${o.passed}`).join("; "),
      })),
    ),
  journeys: async (ws, v) =>
    buildCsv(
      cols(
        ["name", "Journey"],
        ["status", "Status"],
        ["entered", "Entered"],
        ["converted", "Goal reached"],
        ["conversion", "Conversion"],
      ),
      await loadJourneySummaries(ws, v),
    ),
  "journey-now": async (ws, v) =>
    buildCsv(
      cols(["label", "Step"], ["active", "Contacts there now"]),
      (await loadJourneyDashboard(ws, journeyOf(v), v)).now,
    ),
  "journey-experiments": async (ws, v) => {
    const { experiments } = await loadJourneyDashboard(ws, journeyOf(v), v);
    const rows = experiments.flatMap((e) =>
      e.groups.map((g) => ({
        experiment: e.label,
        group: g.label,
        entries: g.entries,
        conversions: g.conversions,
        rate: g.ci.rate,
        low: g.ci.low,
        high: g.ci.high,
        lift: g.test?.relativeLift ?? null,
        pValue: g.test?.pValue ?? null,
        significant: g.test ? (g.test.significant ? "yes" : "no") : "control",
      })),
    );
    return buildCsv(
      cols(
        ["experiment", "Experiment"],
        ["group", "Group"],
        ["entries", "Entries"],
        ["conversions", "Goal reached"],
        ["rate", "Conversion rate"],
        ["low", "95% CI low (Wilson)"],
        ["high", "95% CI high (Wilson)"],
        ["lift", "Relative lift vs control"],
        ["pValue", "p-value (two-proportion z-test)"],
        ["significant", "Significant at 5%"],
      ),
      rows,
    );
  },
};

export async function datasetCsv(name: string, ws: string, v: TDashboardView): Promise<string> {
  const make = Object.hasOwn(CSV_DATASETS, name) ? CSV_DATASETS[name] : undefined;
  if (!make) throw new NotFoundError(`No dataset named ${name}`);
  return make(ws, v);
}
