import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segmentSizeSeries } from "@/db/queries/analytics-segments";
import { rawMessageCounts, rawNodeOutcomes } from "@/db/queries/analytics-raw";
import { insertMembers, insertSegment } from "@/db/queries/segments";
import { insertAnalyticsHistory, setWorkspaceZone } from "@/db/testing/analytics-fixtures";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { executeRows } from "@/db/execute-rows";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { sql } from "drizzle-orm";
import { datasetCsv } from "./csv-datasets";
import { loadJourneyDashboard, loadOverviewDaily, loadOverviewTotals } from "./dashboard-data";
import { parseDashboardParamsOrThrow } from "./dashboard-params";
import { refreshRollups, snapshotSegmentSizes } from "./refresh-rollups";

const ZONE = "America/New_York";
const NOW = new Date("2026-03-20T15:00:00Z");
let close: () => Promise<void>;
let ws: string;
let other: string;
let journeyId: string;

beforeAll(async () => {
  ({ close } = await useTestDb());
  ws = (await makeTenant("Dash A")).workspace.id;
  other = (await makeTenant("Dash B")).workspace.id;
  await setWorkspaceZone(ws, ZONE);
  ({ journeyId } = await insertAnalyticsHistory(ws, {
    seed: 7,
    start: new Date("2026-02-20T00:00:00Z"),
    days: 26,
    n: 200,
  }));
  await insertAnalyticsHistory(other, {
    seed: 8,
    start: new Date("2026-02-20T00:00:00Z"),
    days: 26,
    n: 50,
  });
  await refreshRollups({ now: NOW });
}, 120_000);
afterAll(async () => close());

const view = (q: Record<string, string>) => parseDashboardParamsOrThrow(q, ZONE, NOW);

describe("CSV exports are the charts' data", () => {
  it("journey funnel and experiments CSV equal what the page draws, and change with the range", async () => {
    for (const q of [
      { range: "30d", journey: journeyId },
      { range: "7d", journey: journeyId },
    ]) {
      const v = view(q);
      const data = await loadJourneyDashboard(ws, journeyId, v);
      const funnel = parse(await datasetCsv("journey-funnel", ws, v), { columns: true }) as Record<
        string,
        string
      >[];
      expect(funnel.map((r) => [r.Step, Number(r.Count)])).toEqual(
        data.funnel.map((f) => [f.label, f.count]),
      );
      const experiments = parse(await datasetCsv("journey-experiments", ws, v), {
        columns: true,
      }) as Record<string, string>[];
      const raw = await rawNodeOutcomes(ws, journeyId, ZONE, v.range);
      const rawA = raw.find((r) => r.node_id === "split" && r.outcome === "A");
      expect(experiments.find((r) => r.Group === "Short welcome")).toMatchObject({
        Entries: String(rawA?.passed ?? 0),
        "Goal reached": String(rawA?.converted ?? 0),
      });
    }
    const month = await loadJourneyDashboard(ws, journeyId, view({ range: "30d" }));
    const week = await loadJourneyDashboard(ws, journeyId, view({ range: "7d" }));
    expect(week.totals.entered).toBeLessThan(month.totals.entered);
    expect(week.experiments[0]!.groups[0]!.entries).toBeLessThan(
      month.experiments[0]!.groups[0]!.entries,
    );
  });

  it("overview daily CSV sums to the raw totals of the range and totals compare with the previous period", async () => {
    const v = view({ range: "custom", from: "2026-03-01", to: "2026-03-14" });
    const rows = parse(await datasetCsv("overview-daily", ws, v), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r.Day)).toEqual((await loadOverviewDaily(ws, v)).map((d) => d.day));
    const raw = (await rawMessageCounts(ws, ZONE, v.range, "none")).get("all") ?? {};
    expect(rows.reduce((s, r) => s + Number(r.Sent), 0)).toBe(raw.sent ?? 0);
    expect(rows.reduce((s, r) => s + Number(r.Opened), 0)).toBe(raw.opened ?? 0);
    const totals = await loadOverviewTotals(ws, v);
    const prevRaw = (await rawMessageCounts(ws, ZONE, v.previous, "none")).get("all") ?? {};
    expect(totals.find((t) => t.metric === "sent")).toMatchObject({
      current: raw.sent ?? 0,
      previous: prevRaw.sent ?? 0,
    });
  });

  it("refuses unknown datasets and journey datasets without a journey", async () => {
    await expect(datasetCsv("users", ws, view({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(datasetCsv("constructor", ws, view({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(datasetCsv("journey-funnel", ws, view({}))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("a journey id from another workspace is not found", async () => {
    const [theirs] = await executeRows<{ id: string }>(
      sql`select id::text from journeys where workspace_id = ${other}`,
    );
    await expect(loadJourneyDashboard(ws, theirs!.id, view({}))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("segment size snapshots", () => {
  it("records each segment's size once a day, replaced within the day, per workspace", async () => {
    const [seg] = await insertSegment({ workspaceId: ws, name: "VIPs", type: "static" }).then(
      (r) => (Array.isArray(r) ? r : [r]),
    );
    const contacts = await executeRows<{ id: string }>(
      sql`select id::text from contacts where workspace_id = ${ws} limit 5`,
    );
    await insertMembers(
      seg!.id,
      contacts.slice(0, 3).map((c) => c.id),
    );
    await snapshotSegmentSizes({ now: new Date("2026-03-18T12:00:00Z") });
    await insertMembers(
      seg!.id,
      contacts.slice(3).map((c) => c.id),
    );
    await snapshotSegmentSizes({ now: new Date("2026-03-19T12:00:00Z") });
    // Within the hour: not taken again; forced: replaced.
    await snapshotSegmentSizes({ now: new Date("2026-03-19T12:30:00Z") });
    const series = await segmentSizeSeries(ws, { from: "2026-03-01", to: "2026-03-31" });
    expect(series.map((s) => [s.day, s.size])).toEqual([
      ["2026-03-18", 3],
      ["2026-03-19", 5],
    ]);
    expect(await segmentSizeSeries(other, { from: "2026-03-01", to: "2026-03-31" })).toEqual([]);
  });
});
