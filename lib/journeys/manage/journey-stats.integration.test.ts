import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawNodeOutcomes } from "@/db/queries/analytics-raw";
import { insertAnalyticsHistory, setWorkspaceZone } from "@/db/testing/analytics-fixtures";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { loadJourneyDashboard } from "@/lib/analytics/dashboard-data";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";
import { journeyStats } from "./journey-stats";

const ZONE = "America/New_York";
const NOW = new Date("2026-03-20T15:00:00Z");
let close: () => Promise<void>;
let ws: string;
let journeyId: string;
let otherJourney: string;

beforeAll(async () => {
  ({ close } = await useTestDb());
  ws = (await makeTenant("Canvas A")).workspace.id;
  const other = (await makeTenant("Canvas B")).workspace.id;
  await setWorkspaceZone(ws, ZONE);
  ({ journeyId } = await insertAnalyticsHistory(ws, {
    seed: 11,
    start: new Date("2026-02-20T00:00:00Z"),
    days: 26,
    n: 200,
  }));
  ({ journeyId: otherJourney } = await insertAnalyticsHistory(other, {
    seed: 12,
    start: new Date("2026-02-20T00:00:00Z"),
    days: 26,
    n: 50,
  }));
  await refreshRollups({ now: NOW });
}, 120_000);
afterAll(async () => close());

describe("canvas counts for a date range", () => {
  it("equal the dashboard's per-step table (passed and each way out) for every preset and a custom range", async () => {
    const seen: number[] = [];
    for (const q of [
      { range: "7d" },
      { range: "14d" },
      { range: "30d" },
      { range: "90d" },
      { range: "custom", from: "2026-03-01", to: "2026-03-05" },
    ]) {
      const view = parseDashboardParamsOrThrow(q, ZONE, NOW);
      const [canvas, dashboard] = await Promise.all([
        journeyStats(ws, journeyId, view.range),
        loadJourneyDashboard(ws, journeyId, view),
      ]);
      expect(canvas.range).toEqual({ from: view.range.from, to: view.range.to });
      expect(dashboard.nodes.length).toBeGreaterThan(3);
      for (const step of dashboard.nodes) {
        const node = canvas.nodes[step.nodeId];
        expect(node?.passed ?? 0, `${q.range} ${step.nodeId} passed`).toBe(step.passed);
        expect(node?.waiting ?? 0, `${q.range} ${step.nodeId} now`).toBe(step.active);
        for (const o of step.outcomes)
          expect(node?.outcomes[o.handle] ?? 0, `${q.range} ${step.nodeId} ${o.handle}`).toBe(
            o.passed,
          );
      }
      expect(canvas.totals.entered).toBe(dashboard.totals.entered);
      expect(canvas.totals.converted).toBe(dashboard.totals.converted);
      // And both are the raw visits of the range, counted in the workspace's days.
      const raw = await rawNodeOutcomes(ws, journeyId, ZONE, view.range);
      for (const r of raw)
        expect(canvas.nodes[r.node_id]?.outcomes[r.outcome], `${r.node_id}:${r.outcome}`).toBe(
          r.passed,
        );
      seen.push(Object.values(canvas.nodes).reduce((s, n) => s + n.passed, 0));
    }
    // The range changes the counts: a week holds fewer passes than a month, a month no more than 90 days.
    expect(seen[0]).toBeLessThan(seen[2]!);
    expect(seen[2]).toBeLessThanOrEqual(seen[3]!);
  });

  it("counts only the workspace's own journey", async () => {
    const view = parseDashboardParamsOrThrow({ range: "90d" }, ZONE, NOW);
    expect(await journeyStats(ws, otherJourney, view.range)).toMatchObject({
      nodes: {},
      totals: { entered: 0, active: 0, completed: 0, converted: 0 },
    });
  });
});
