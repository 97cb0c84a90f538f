import {
  PINPOINT_HISTORY_METRICS,
  pinpointHistoryByDay,
  pinpointHistorySpan,
  type TPinpointHistoryCounts,
} from "@/db/queries/pinpoint-history";
import { loadSentByDayAndChannel } from "./dashboard-data";
import type { TDashboardView } from "./dashboard-params";
import { eachDay } from "./date-range";

// The overview's imported Pinpoint history (docs/pinpoint-event-history.md): engagement events
// from the event-stream import, per day, kept apart from Waymark's own message figures (those
// count messages once per stage; these count Pinpoint's events), and marked as imported wherever
// they are drawn. Imported events belong to no journey: with a journey filter there are none.

/** The stages counted, in the order drawn. */
export const IMPORTED_METRICS = PINPOINT_HISTORY_METRICS;

/** The column of a channel's imported sends in "Sent by channel, per day". */
export const importedKey = (channel: string) => `imported_${channel}`;

const zero = () =>
  Object.fromEntries(PINPOINT_HISTORY_METRICS.map((m) => [m, 0])) as TPinpointHistoryCounts;

async function historyRows(ws: string, v: TDashboardView) {
  if (v.journeyId) return [];
  return pinpointHistoryByDay(ws, { from: v.range.from, to: v.range.to, channel: v.channel });
}

/**
 * Imported Pinpoint engagement per day of the range (zeros included), all channels summed, and
 * the span of the workspace's whole imported history (null: it has none, and the card is not
 * shown).
 */
export async function loadImportedHistory(ws: string, v: TDashboardView) {
  const [rows, span] = await Promise.all([historyRows(ws, v), pinpointHistorySpan(ws)]);
  const byDay = new Map<string, TPinpointHistoryCounts>();
  for (const r of rows) {
    const c = byDay.get(r.day) ?? byDay.set(r.day, zero()).get(r.day)!;
    for (const m of PINPOINT_HISTORY_METRICS) c[m] += Number(r[m]);
  }
  return {
    span,
    /** Whether a journey filter hides it (imported events belong to no journey). */
    journeyFiltered: v.journeyId !== null,
    daily: eachDay(v.range).map((day) => ({ day, ...(byDay.get(day) ?? zero()) })),
  };
}

/**
 * "Sent by channel, per day" with each channel's imported Pinpoint sends as a band of its own
 * (`imported_<channel>`), so the months before the switch and after read as one chart without
 * a Pinpoint send being counted as a Waymark message.
 */
export async function loadSentByChannelWithImported(ws: string, v: TDashboardView) {
  const [own, rows] = await Promise.all([loadSentByDayAndChannel(ws, v), historyRows(ws, v)]);
  const sent = rows.filter((r) => Number(r.sent) > 0);
  const imported = [...new Set(sent.map((r) => r.channel))].sort();
  const byDay = new Map<string, Record<string, number>>();
  for (const r of sent) {
    const d = byDay.get(r.day) ?? byDay.set(r.day, {}).get(r.day)!;
    d[importedKey(r.channel)] = Number(r.sent);
  }
  return {
    channels: own.channels,
    imported,
    rows: own.rows.map((row) => ({
      ...row,
      ...Object.fromEntries(
        imported.map((c) => [importedKey(c), byDay.get(row.day)?.[importedKey(c)] ?? 0]),
      ),
    })),
  };
}
