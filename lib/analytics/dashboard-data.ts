import { findJourney, findJourneyVersionAnyWorkspace, listJourneys } from "@/db/queries/journeys";
import { listJourneyVersionSteps } from "@/db/queries/journey-step-names";
import {
  journeyActiveByNode,
  journeyFlowByDay,
  journeyFlowTotals,
  journeyNodeOutcomes,
} from "@/db/queries/analytics-journeys";
import {
  MESSAGE_METRICS,
  messagesByChannel,
  messagesByDay,
  messagesByDayAndChannel,
  messagesByJourneyNode,
  messagesByTemplateVersion,
  messageTotals,
  type TMessageCounts,
} from "@/db/queries/analytics-messages";
import { segmentSizeSeries } from "@/db/queries/analytics-segments";
import { transactionalByChannel } from "@/db/queries/transactional";
import { NotFoundError } from "@/lib/errors";
import type { TSummaryWords } from "@/lib/journeys/canvas/summary-words";
import type { TDashboardView } from "./dashboard-params";
import { eachDay } from "./date-range";
import {
  journeyExperiments,
  journeyFunnel,
  messageFunnel,
  orderedSteps,
  stepLabels,
  stepOutcomes,
  ZDashboardPlan,
  type TDashboardPlan,
} from "./journey-results";
import { change, performanceRates, rate } from "./rates";

// What each dashboard shows, loaded once and used both by the page and by its CSV export, so the
// download is exactly the chart.

const zeroCounts = () => Object.fromEntries(MESSAGE_METRICS.map((m) => [m, 0])) as TMessageCounts;
const filter = (v: TDashboardView, r = v.range) => ({
  from: r.from,
  to: r.to,
  channel: v.channel,
  journeyId: v.journeyId,
});

export const OVERVIEW_METRICS = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "failed",
  "unsubscribed",
  "conversions",
] as const;
export type TOverviewMetric = (typeof OVERVIEW_METRICS)[number];

export async function loadOverviewTotals(ws: string, v: TDashboardView) {
  const [cur, prev, jCur, jPrev] = await Promise.all([
    messageTotals(ws, filter(v)),
    messageTotals(ws, filter(v, v.previous)),
    journeyFlowTotals(ws, v.journeyId, v.range),
    journeyFlowTotals(ws, v.journeyId, v.previous),
  ]);
  const value = (c: TMessageCounts, conv: number, m: TOverviewMetric) =>
    m === "conversions" ? conv : c[m];
  return OVERVIEW_METRICS.map((metric) => {
    const current = value(cur, jCur.converted, metric);
    const previous = value(prev, jPrev.converted, metric);
    return { metric, current, previous, change: change(current, previous) };
  });
}

/** One row per day of the range (zeros included), messages and conversions. */
export async function loadOverviewDaily(ws: string, v: TDashboardView) {
  const [rows, flow] = await Promise.all([
    messagesByDay(ws, filter(v)),
    journeyFlowByDay(ws, v.journeyId, v.range),
  ]);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const conv = new Map(flow.map((r) => [r.day, r.converted]));
  return eachDay(v.range).map((day) => {
    const c = byDay.get(day) ?? zeroCounts();
    return {
      day,
      sent: c.sent,
      delivered: c.delivered,
      opened: c.opened,
      clicked: c.clicked,
      failed: c.failed,
      unsubscribed: c.unsubscribed,
      conversions: conv.get(day) ?? 0,
    };
  });
}

/** Sent per day and channel, wide (one column per channel present), for the stacked area. */
export async function loadSentByDayAndChannel(ws: string, v: TDashboardView) {
  const rows = await messagesByDayAndChannel(ws, filter(v));
  const channels = [...new Set(rows.map((r) => r.channel))].sort();
  const byDay = new Map<string, Record<string, number>>();
  for (const r of rows) (byDay.get(r.day) ?? byDay.set(r.day, {}).get(r.day)!)[r.channel] = r.sent;
  return {
    channels,
    rows: eachDay(v.range).map(
      (day) =>
        ({ day, ...Object.fromEntries(channels.map((c) => [c, byDay.get(day)?.[c] ?? 0])) }) as {
          day: string;
        } & Record<string, number>,
    ),
  };
}

export async function loadChannelPerformance(ws: string, v: TDashboardView) {
  const rows = await messagesByChannel(ws, filter(v));
  return rows.map((r) => ({
    channel: r.channel,
    sent: r.sent,
    delivered: r.delivered,
    opened: r.opened,
    clicked: r.clicked,
    bounced: r.bounced,
    failed: r.failed,
    unsubscribed: r.unsubscribed,
    ...performanceRates(r),
  }));
}

/** Messages the transactional API sent, per channel (the priority lane's own figures). */
export async function loadTransactionalPerformance(
  ws: string,
  v: TDashboardView,
  timeZone: string,
) {
  const rows = await transactionalByChannel(ws, v.range, timeZone, v.channel);
  return rows.map((r) => ({ ...r, ...performanceRates(r) }));
}

export async function loadTemplatePerformance(ws: string, v: TDashboardView) {
  const rows = await messagesByTemplateVersion(ws, filter(v));
  return rows.map((r) => ({
    template: r.name,
    version: r.template_version,
    channel: r.channel,
    templateId: r.template_id,
    sent: r.sent,
    delivered: r.delivered,
    opened: r.opened,
    clicked: r.clicked,
    bounced: r.bounced,
    failed: r.failed,
    unsubscribed: r.unsubscribed,
    ...performanceRates(r),
  }));
}

export async function loadSegmentSizes(ws: string, v: TDashboardView) {
  return segmentSizeSeries(ws, { from: v.range.from, to: v.range.to, segmentId: v.segmentId });
}

export async function loadJourneyOrThrow(ws: string, journeyId: string) {
  const journey = await findJourney(ws, journeyId);
  if (!journey) throw new NotFoundError("No such journey");
  const version = journey.liveVersion
    ? await findJourneyVersionAnyWorkspace(journey.id, journey.liveVersion)
    : null;
  const plan = ZDashboardPlan.safeParse(version?.plan ?? null);
  return { journey, plan: plan.success ? plan.data : { entryStepId: "", steps: {} } };
}

/** The journey's other published versions' plans, newest first (for steps the live one lacks). */
async function loadOlderPlans(ws: string, journeyId: string, live: number) {
  const rows = await listJourneyVersionSteps(ws, [journeyId]);
  return rows
    .filter((r) => r.version !== null && r.version !== live)
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))
    .flatMap((r): TDashboardPlan[] => {
      const p = ZDashboardPlan.safeParse({ entryStepId: "", steps: r.steps ?? {} });
      return p.success ? [p.data] : [];
    });
}

/**
 * Everything on the journey dashboard. `words`: the viewer's journeys.summary, so default step
 * names read in their language (without, as stored: the CSV exports).
 */
export async function loadJourneyDashboard(
  ws: string,
  journeyId: string,
  v: TDashboardView,
  words?: TSummaryWords,
) {
  const { journey, plan } = await loadJourneyOrThrow(ws, journeyId);
  const r = { from: v.range.from, to: v.range.to };
  const [totals, flowRows, outcomes, nodeMessages, active, messages] = await Promise.all([
    journeyFlowTotals(ws, journey.id, r),
    journeyFlowByDay(ws, journey.id, r),
    journeyNodeOutcomes(ws, journey.id, r),
    messagesByJourneyNode(ws, journey.id, r),
    journeyActiveByNode(ws, journey.id),
    messageTotals(ws, { ...r, journeyId: journey.id }),
  ]);
  const passedByNode = new Map<string, number>();
  for (const o of outcomes)
    passedByNode.set(o.node_id, (passedByNode.get(o.node_id) ?? 0) + o.passed);
  const funnel = journeyFunnel({
    plan,
    entered: totals.entered,
    passedByNode,
    converted: totals.converted,
    words,
  });
  const messageStages = messageFunnel(messages);
  const byDay = new Map(flowRows.map((f) => [f.day, f]));
  const flow = eachDay(v.range).map((day) => {
    const f = byDay.get(day);
    return {
      day,
      entered: f?.entered ?? 0,
      exited: (f?.exited ?? 0) + (f?.completed ?? 0) + (f?.cancelled ?? 0),
      converted: f?.converted ?? 0,
    };
  });
  // Contacts may still wait on a step the live version removed: it is named from the version that had it.
  const older = active.some((a) => !plan.steps[a.node_id])
    ? await loadOlderPlans(ws, journey.id, journey.liveVersion)
    : [];
  const label = stepLabels(plan, words, older);
  const now = active.map((a) => ({ nodeId: a.node_id, label: label(a.node_id), active: a.active }));
  // In the order a contact meets them, without the trigger and exits (they have no counts of their own).
  const nodes = orderedSteps(plan).map((id) => {
    const m = nodeMessages.find((n) => n.node_id === id);
    return {
      nodeId: id,
      label: label(id),
      passed: passedByNode.get(id) ?? 0,
      active: active.find((a) => a.node_id === id)?.active ?? 0,
      outcomes: stepOutcomes(plan, id, outcomes, words),
      sent: m?.sent ?? 0,
      opened: m?.opened ?? 0,
      clicked: m?.clicked ?? 0,
    };
  });
  return {
    journey,
    plan,
    totals,
    funnel,
    messageStages,
    flow,
    now,
    nodes,
    experiments: journeyExperiments(plan, outcomes, words),
  };
}

/** Each journey's entries and goal conversions in the range (the journeys list). */
export async function loadJourneySummaries(ws: string, v: TDashboardView) {
  const journeys = await listJourneys(ws);
  const totals = await Promise.all(journeys.map((j) => journeyFlowTotals(ws, j.id, v.range)));
  return journeys.map((j, i) => {
    const t = totals[i] ?? { entered: 0, converted: 0 };
    return {
      id: j.id,
      name: j.name,
      status: j.status,
      entered: t.entered,
      converted: t.converted,
      conversion: rate(t.converted, t.entered),
    };
  });
}
