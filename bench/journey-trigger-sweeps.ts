// Journey triggers that fire without an event, at 1,000,000 contacts on real PostgreSQL: what the
// sweeper costs every WAYMARK_TRIGGER_SWEEP_SECONDS, and what an ingested batch pays to re-check its
// contacts against a segment trigger. Each figure stands beside the bare SQL the sweep cannot avoid
// (reading the segment, reading the date attribute) in the same run. BENCH_SCALE=0.01 for a quick run.
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { setEventSink } from "@/inngest/emit-events";
import { checkSegmentTriggers } from "@/lib/journeys/triggers/segment-trigger-sweep";
import {
  sweepJourneyTriggers,
  type TScheduledJourney,
} from "@/lib/journeys/triggers/sweep-journey-triggers";
import { listScheduledTriggerJourneysAnyWorkspace } from "@/db/queries/journey-triggers";
import {
  createJourney,
  publishJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";
import { createSegment } from "@/lib/segments/save-segment";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { median } from "./lib/median";

const WS = "00000000-0000-0000-0000-0000000000a1";
const USER = "00000000-0000-0000-0000-0000000000a2";
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CONTACTS = Math.round(1_000_000 * SCALE);
const NOW = new Date("2026-11-23T12:00:00Z");

async function main() {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = "waymark_bench_triggers";
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const handle = openDb({ databaseUrl: url.toString(), pgliteDir: "memory://" });
  const pg = new Client({ connectionString: url.toString() });
  pg.on("error", () => undefined);
  // No executor here: entries are created, their runs are not started.
  setEventSink(null);
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    await pg.connect();
    const t0 = performance.now();
    await pg.query(
      `insert into workspaces (id, slug, name, timezone) values ($1, 'bench-triggers', 'Bench', 'UTC')`,
      [WS],
    );
    await pg.query(
      `insert into users (id, email, name, password_hash) values ($1, 'bench@example.com', 'Bench', 'x')`,
      [USER],
    );
    // 3 % VIPs; birthdays spread over the year; a zone each, some none.
    await pg.query(
      `insert into contacts (workspace_id, external_id, email, timezone, attributes, created_at)
       select $1, 'u' || g, 'u' || g || '@example.com',
         (array['Europe/Berlin','America/New_York','Asia/Tokyo','Asia/Ho_Chi_Minh',null])[1 + g % 5],
         jsonb_build_object('tier', case when g % 33 = 0 then 'vip' else 'free' end,
                            'birthday', to_char(date '1970-01-01' + ((g::bigint * 7919) % 18250)::int, 'YYYY-MM-DD')),
         now() - (g % 700) * interval '1 day'
       from generate_series(1, $2) g`,
      [WS, CONTACTS],
    );
    await pg.query(`vacuum analyze contacts`);
    console.info(
      `[bench] ${CONTACTS.toLocaleString("en")} contacts seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    const template = await createTemplate(WS, USER, { name: "Hello", channel: "email" });
    await publishTemplate(WS, template.id, USER);
    const vip = await createSegment(WS, USER, {
      name: "VIP",
      description: "",
      type: "dynamic",
      definition: {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "attribute", key: "tier", type: "string", op: "equals", value: "vip" },
        ],
      },
    });
    const journey = async (
      name: string,
      trigger: Record<string, unknown>,
      entry: Record<string, unknown>,
    ) => {
      const j = await createJourney(WS, USER, { name });
      const graph = {
        nodes: [
          { id: "t", type: "trigger", position: { x: 0, y: 0 }, data: trigger },
          {
            id: "s",
            type: "send",
            position: { x: 0, y: 100 },
            data: { channel: "email", templateId: template.id },
          },
          { id: "x", type: "exit", position: { x: 0, y: 200 }, data: {} },
        ],
        edges: [
          { id: "a", source: "t", sourceHandle: null, target: "s" },
          { id: "b", source: "s", sourceHandle: null, target: "x" },
        ],
      };
      await saveJourneyDraft(WS, j.id, { graph, settings: { entry } } as Parameters<
        typeof saveJourneyDraft
      >[2]);
      await publishJourney(WS, j.id, USER, { enterNow: false });
      return j.id;
    };
    const segmentJourney = await journey(
      "VIP welcome",
      { kind: "segment_entered", segmentId: vip.id, includeExisting: false },
      { mode: "while_not_inside" },
    );
    const running = async () =>
      (await listScheduledTriggerJourneysAnyWorkspace(segmentJourney)) as TScheduledJourney[];
    const sweepSegment = () => sweepJourneyTriggers(NOW, { journeyId: segmentJourney });
    const rows: [string, number, string, number][] = [];
    const readSegment = () =>
      pg.query(
        `select count(*) from contacts c where c.workspace_id = $1 and c.attributes @> '{"tier":"vip"}'`,
        [WS],
      );

    let t = performance.now();
    await sweepSegment();
    const baseline = performance.now() - t;
    const members = Number(
      (
        await pg.query(`select count(*) from journey_segment_members where journey_id = $1`, [
          segmentJourney,
        ])
      ).rows[0].count,
    );
    rows.push([
      `segment trigger: first sweep, baseline of ${members.toLocaleString("en")} members`,
      baseline,
      "read the segment's ids into a table",
      await median(3, async () => {
        await pg.query(`create temp table if not exists t_ids (id uuid)`);
        await pg.query(`truncate t_ids`);
        await pg.query(
          `insert into t_ids select c.id from contacts c where c.workspace_id = $1 and c.attributes @> '{"tier":"vip"}'`,
          [WS],
        );
      }),
    ]);
    rows.push([
      "segment trigger: sweep, nothing changed",
      await median(5, sweepSegment),
      "count the segment",
      await median(5, readSegment),
    ]);

    const joiners = Math.round(1000 * SCALE) || 10;
    await pg.query(
      `update contacts set attributes = attributes || '{"tier":"vip"}' where id in (select id from contacts where workspace_id = $1 and attributes @> '{"tier":"free"}' limit $2)`,
      [WS, joiners],
    );
    t = performance.now();
    await sweepSegment();
    const joined = performance.now() - t;
    const entries = Number(
      (
        await pg.query(`select count(*) from journey_entries where journey_id = $1`, [
          segmentJourney,
        ])
      ).rows[0].count,
    );
    rows.push([
      `segment trigger: sweep, ${joiners.toLocaleString("en")} joined (${entries.toLocaleString("en")} entries made)`,
      joined,
      "count the segment",
      await median(5, readSegment),
    ]);

    // An ingested batch of 100 contacts, re-checked against the trigger's segment.
    const batch = (
      await pg.query<{ id: string }>(
        `select id from contacts where workspace_id = $1 order by id limit 100`,
        [WS],
      )
    ).rows.map((r) => r.id);
    const js = await running();
    rows.push([
      "segment trigger: re-check a 100-contact batch",
      await median(9, () => checkSegmentTriggers(js, batch, NOW)),
      "the same 100 against the segment",
      await median(9, () =>
        pg.query(
          `select count(*) from contacts c where c.id = any($1) and c.workspace_id = $2 and c.attributes @> '{"tier":"vip"}'`,
          [batch, WS],
        ),
      ),
    ]);

    await pg.query(`update journeys set status = 'paused' where id = $1`, [segmentJourney]);
    const birthday = await journey(
      "Birthday",
      { kind: "date_attribute", attribute: "birthday", offsetDays: 0, time: "09:00", yearly: true },
      { mode: "reentry_after", days: 300 },
    );
    const sweepDates = () => sweepJourneyTriggers(NOW, { journeyId: birthday });
    t = performance.now();
    await sweepDates();
    const first = performance.now() - t;
    const greeted = Number(
      (await pg.query(`select count(*) from journey_entries where journey_id = $1`, [birthday]))
        .rows[0].count,
    );
    const readDates = () =>
      pg.query(
        `select count(*) from contacts c where c.workspace_id = $1 and substr(c.attributes ->> 'birthday', 6, 5) = any($2)`,
        [WS, ["11-20", "11-21", "11-22", "11-23", "11-24", "11-25", "11-26"]],
      );
    rows.push([
      `date trigger: first sweep of the day (${greeted.toLocaleString("en")} entries made)`,
      first,
      "read the candidates' dates",
      await median(5, readDates),
    ]);
    rows.push([
      "date trigger: sweep, everyone due already entered",
      await median(5, sweepDates),
      "read the candidates' dates",
      await median(5, readDates),
    ]);

    console.info(
      `\njourney trigger sweeps at ${CONTACTS.toLocaleString("en")} contacts (medians where repeated)`,
    );
    console.info(
      `  ${"what".padEnd(62)} ${"sweep".padStart(10)}   ${"baseline".padEnd(36)} ${"time".padStart(9)}`,
    );
    for (const [what, ms, base, baseMs] of rows)
      console.info(
        `  ${what.padEnd(62)} ${(ms.toFixed(1) + "ms").padStart(10)}   ${base.padEnd(36)} ${(baseMs.toFixed(1) + "ms").padStart(9)}`,
      );
  } finally {
    await pg.end().catch(() => undefined);
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
