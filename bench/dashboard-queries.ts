// The dashboards at 10,000,000 message events on real PostgreSQL: each page's queries through the
// app's own loaders (reading the rollups), beside the same figures counted directly from the raw
// rows in the same run, and a check that both agree. Also the full and incremental refresh times.
import { readFileSync } from "node:fs";
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { rawJourneyFlow, rawMessageCounts, rawNodeOutcomes } from "@/db/queries/analytics-raw";
import { journeyFlowTotals, journeyNodeOutcomes } from "@/db/queries/analytics-journeys";
import {
  messagesByChannel,
  messagesByDay,
  messagesByTemplateVersion,
  messageTotals,
} from "@/db/queries/analytics-messages";
import {
  loadChannelPerformance,
  loadJourneyDashboard,
  loadOverviewDaily,
  loadOverviewTotals,
  loadSentByDayAndChannel,
  loadTemplatePerformance,
} from "@/lib/analytics/dashboard-data";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";
import { createBenchDatabase } from "./lib/bench-db";
import { median } from "./lib/median";

const WS = "00000000-0000-0000-0000-00000000000a";
const ZONE = "Europe/Berlin";
const JOURNEY = "00000000-0000-4000-a000-000000000003";
// One run of the raw-row reference: each is a full aggregation over 10M events taking about a minute.
const RAW_RUNS = 1;
const sum = (m: Map<string, Record<string, number>>, k: string) =>
  [...m.values()].reduce((s, b) => s + (b[k] ?? 0), 0);

/** BENCH_SMALL=1 runs the same at a hundredth of the size, to try the script quickly. */
function seedSql() {
  const text = readFileSync("bench/dashboard-queries-seed.sql", "utf8");
  return process.env.BENCH_SMALL
    ? text.replace("2640000", "26400").replace("500000", "5000")
    : text;
}

async function main() {
  const bench = await createBenchDatabase("waymark_bench_dashboards");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  const out: string[] = [];
  const log = (line: string) => (console.info(line), out.push(line));
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const pg = new Client({ connectionString: bench.url });
    pg.on("error", () => undefined);
    await pg.connect();
    let t0 = performance.now();
    for (const statement of seedSql()
      .split(/;\s*\n/)
      .filter((x) => x.trim() && !/^\s*--[^\n]*$/.test(x.trim())))
      await pg.query(statement);
    const [{ n }] = (
      await pg.query<{ n: string }>(
        `select count(*) as n from message_events where workspace_id = $1`,
        [WS],
      )
    ).rows as [{ n: string }];
    console.info(
      `[bench] ${Number(n).toLocaleString("en-US")} message events in the workspace generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    t0 = performance.now();
    await refreshRollups({ full: true });
    const fullMs = performance.now() - t0;
    await pg.query("vacuum analyze message_daily_rollup");
    await pg.query("vacuum analyze journey_daily_rollup");
    await pg.query("vacuum analyze journey_node_daily_rollup");
    // Incremental: 10,000 new events on recent messages, as a busy minute would bring.
    await pg.query(
      `insert into message_events (workspace_id, message_id, type, occurred_at)
      select workspace_id, id, 'opened', now() from messages where workspace_id = $1 and created_at > now() - interval '2 days' limit 10000`,
      [WS],
    );
    t0 = performance.now();
    await refreshRollups();
    const incMs = performance.now() - t0;
    const [{ rows }] = [
      (await pg.query<{ rows: string }>(`select count(*) as rows from message_daily_rollup`))
        .rows[0]!,
    ];

    const views = {
      "30 days": parseDashboardParamsOrThrow({ range: "30d" }, ZONE),
      "90 days": parseDashboardParamsOrThrow({ range: "90d" }, ZONE),
    };
    log(
      `\ndashboard-queries: ${Number(n).toLocaleString("en-US")} message events, 500,000 journey entries; app = median of 5, raw = median of ${RAW_RUNS}`,
    );
    log(
      `rollups: full rebuild ${(fullMs / 1000).toFixed(1)} s (${Number(rows).toLocaleString("en-US")} message rollup rows); incremental refresh after 10,000 new events ${incMs.toFixed(0)} ms`,
    );
    log(`| query | range | dashboard (rollups) | same figure from raw rows | equal |`);
    log(`|---|---|---:|---:|:---:|`);
    for (const [label, v] of Object.entries(views)) {
      const r = v.range;
      const cases: {
        name: string;
        app: () => Promise<unknown>;
        raw: () => Promise<unknown>;
        check: () => Promise<boolean>;
      }[] = [
        {
          name: "overview totals + previous period",
          app: () => loadOverviewTotals(WS, v),
          raw: () =>
            Promise.all([
              rawMessageCounts(WS, ZONE, r, "none"),
              rawMessageCounts(WS, ZONE, v.previous, "none"),
              rawJourneyFlow(WS, null, ZONE, r),
              rawJourneyFlow(WS, null, ZONE, v.previous),
            ]),
          check: async () =>
            (await messageTotals(WS, r)).opened ===
            ((await rawMessageCounts(WS, ZONE, r, "none")).get("all")?.opened ?? 0),
        },
        {
          name: "overview by day",
          app: () => loadOverviewDaily(WS, v),
          raw: () =>
            Promise.all([rawMessageCounts(WS, ZONE, r, "day"), rawJourneyFlow(WS, null, ZONE, r)]),
          check: async () =>
            (await messagesByDay(WS, r)).reduce((s, d) => s + d.clicked, 0) ===
            sum(await rawMessageCounts(WS, ZONE, r, "day"), "clicked"),
        },
        {
          name: "sent by day and channel",
          app: () => loadSentByDayAndChannel(WS, v),
          raw: () => rawMessageCounts(WS, ZONE, r, "day"),
          check: async () => true,
        },
        {
          name: "per channel",
          app: () => loadChannelPerformance(WS, v),
          raw: () => rawMessageCounts(WS, ZONE, r, "channel"),
          check: async () =>
            (await messagesByChannel(WS, r)).reduce((s, c) => s + c.bounced, 0) ===
            sum(await rawMessageCounts(WS, ZONE, r, "channel"), "bounced"),
        },
        {
          name: "per template version",
          app: () => loadTemplatePerformance(WS, v),
          raw: () => rawMessageCounts(WS, ZONE, r, "template"),
          check: async () =>
            (await messagesByTemplateVersion(WS, r)).reduce((s, c) => s + c.delivered, 0) ===
            sum(await rawMessageCounts(WS, ZONE, r, "template"), "delivered"),
        },
        {
          name: "journey dashboard (all panels)",
          app: () => loadJourneyDashboard(WS, JOURNEY, v),
          raw: () =>
            Promise.all([
              rawJourneyFlow(WS, JOURNEY, ZONE, r),
              rawNodeOutcomes(WS, JOURNEY, ZONE, r),
              rawMessageCounts(WS, ZONE, { ...r, journeyId: JOURNEY }, "node"),
            ]),
          check: async () =>
            JSON.stringify(await journeyNodeOutcomes(WS, JOURNEY, r)) ===
              JSON.stringify(await rawNodeOutcomes(WS, JOURNEY, ZONE, r)) &&
            (await journeyFlowTotals(WS, JOURNEY, r)).converted ===
              (await rawJourneyFlow(WS, JOURNEY, ZONE, r)).converted,
        },
      ];
      for (const c of cases) {
        const app = await median(5, c.app);
        const raw = await median(RAW_RUNS, c.raw);
        const ok = await c.check();
        log(
          `| ${c.name} | ${label} | ${app.toFixed(1)} ms | ${raw.toFixed(0)} ms | ${ok ? "yes" : "NO"} |`,
        );
      }
    }
    await pg.end();
    const { writeFileSync } = await import("node:fs");
    if (!process.env.BENCH_SMALL)
      writeFileSync("bench/.last-dashboard-queries.md", out.join("\n") + "\n");
  } finally {
    await handle.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
