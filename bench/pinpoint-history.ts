// The overview's imported Pinpoint history on real PostgreSQL, with a workspace of 3,000,000
// contact events of Waymark's own messages (same names as the imported ones, no pinpointEventType)
// over 90 days and 2,000,000 imported engagement events over the year before: what an import
// batch adds (recounting the days it touched, in its transaction), the full rebuild, and the
// dashboard's reads. BENCH_SMALL=1 runs it at a hundredth of the size.
// Run: npx tsx bench/pinpoint-history.ts
import {
  rebuildPinpointHistoryAnyWorkspace,
  recomputePinpointHistoryDays,
} from "@/db/queries/pinpoint-history";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import {
  loadImportedHistory,
  loadSentByChannelWithImported,
} from "@/lib/analytics/imported-history";
import { PINPOINT_HISTORY_KINDS } from "@/lib/pinpoint/events/engagement-metrics";
import { runOnBenchDb } from "./lib/run-on-bench-db";
import { median } from "./lib/median";

const WS = "00000000-0000-0000-0000-00000000000a";
const ZONE = "Europe/Berlin";
const SCALE = process.env.BENCH_SMALL ? 0.01 : 1;
const OWN = Math.round(3_000_000 * SCALE);
const IMPORTED = Math.round(2_000_000 * SCALE);
const CONTACTS = Math.round(200_000 * SCALE);
const NOW = new Date("2026-06-30T12:00:00Z");

runOnBenchDb("waymark_bench_pinpoint_history", async ({ handle, pg }) => {
  const t0 = performance.now();
  await pg.query(
    `insert into workspaces (id, name, slug, timezone) values ($1, 'Bench', 'bench', $2)`,
    [WS, ZONE],
  );
  await pg.query(
    `insert into contacts (workspace_id, external_id)
       select $1, 'u' || i from generate_series(1, $2::int) i`,
    [WS, CONTACTS],
  );
  await pg.query(`create temp table c as select id, row_number() over () as n from contacts`);
  const types = PINPOINT_HISTORY_KINDS;
  // Waymark's own: its messages' events under the same names, the 90 days before NOW.
  await pg.query(
    `insert into events (workspace_id, contact_id, name, properties, occurred_at, message_id)
       select $1, c.id, (array['Email Sent','Email Delivered','Email Opened','Email Link Clicked','SMS Sent','SMS Delivered'])[1 + i % 6],
         jsonb_build_object('messageId', 'm' || i), $2::timestamptz - (i % 7776000) * interval '1 second', 'own-' || i
       from generate_series(1, $3::int) i join c on c.n = 1 + i % $4`,
    [WS, NOW.toISOString(), OWN, CONTACTS],
  );
  // Imported: Pinpoint's engagement types, the year before that.
  await pg.query(
    `insert into events (workspace_id, contact_id, name, properties, occurred_at, message_id)
       select $1, c.id, k.name, jsonb_build_object('pinpointEventType', k.type, 'campaign_id', 'c-1'),
         $2::timestamptz - interval '90 days' - (i % 31536000) * interval '1 second', 'pp-' || i
       from generate_series(1, $3::int) i join c on c.n = 1 + i % $4
       join (select row_number() over () - 1 as j, * from jsonb_to_recordset($5::jsonb) as x(type text, name text)) k on k.j = i % $6`,
    [WS, NOW.toISOString(), IMPORTED, CONTACTS, JSON.stringify(types), types.length],
  );
  await pg.query("vacuum analyze events");
  console.info(
    `[bench] ${OWN.toLocaleString("en-US")} own + ${IMPORTED.toLocaleString("en-US")} imported events in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  const rebuild = await median(1, () =>
    handle.db.transaction((tx) => rebuildPinpointHistoryAnyWorkspace(types, tx)),
  );
  console.info(`[bench] full rebuild of the imported history: ${rebuild.toFixed(0)} ms`);
  await pg.query("vacuum analyze pinpoint_history_daily");

  // An import batch of 500 events: Firehose files are an hour or so of events (one day), or,
  // worst case, events scattered over 30 days.
  const oneDay = Array.from(
    { length: 500 },
    (_, i) => new Date(Date.parse("2026-02-10T08:00:00Z") + i * 60_000),
  );
  const spread = Array.from(
    { length: 500 },
    (_, i) => new Date(Date.parse("2026-01-01T08:00:00Z") + (i % 30) * 86_400_000),
  );
  const batch = (times: Date[]) =>
    handle.db.transaction((tx) => recomputePinpointHistoryDays(WS, times, types, tx));
  console.info(
    `[bench] recount after a batch on one day: ${(await median(7, () => batch(oneDay))).toFixed(1)} ms (median of 7)`,
  );
  console.info(
    `[bench] recount after a batch over 30 days: ${(await median(5, () => batch(spread))).toFixed(1)} ms (median of 5)`,
  );

  for (const range of ["30d", "90d"]) {
    const v = parseDashboardParamsOrThrow(
      { range: "custom", from: "2025-12-01", to: range === "30d" ? "2025-12-30" : "2026-02-28" },
      ZONE,
      NOW,
    );
    const read = await median(9, () =>
      Promise.all([loadImportedHistory(WS, v), loadSentByChannelWithImported(WS, v)]),
    );
    // Baseline: the same per-day counts computed from `events` at read time, which is what the
    // card would cost without the per-day table filled at import.
    const raw = await median(3, () =>
      pg.query(
        `select (e.occurred_at at time zone $2)::date as day, e.properties ->> 'pinpointEventType' as type, count(*)
           from events e
           where e.workspace_id = $1 and e.properties ? 'pinpointEventType'
             and e.occurred_at >= ($3::date)::timestamp at time zone $2
             and e.occurred_at < ($4::date + 1)::timestamp at time zone $2
           group by 1, 2`,
        [WS, ZONE, v.range.from, v.range.to],
      ),
    );
    console.info(
      `[bench] overview's imported history reads, ${range}: ${read.toFixed(1)} ms (median of 9); baseline, counted from events at read time: ${raw.toFixed(1)} ms (median of 3)`,
    );
  }
});
