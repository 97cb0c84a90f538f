// A campaign to 1,000,000 contacts on real PostgreSQL, into the Outbox provider: the audience
// snapshot (one INSERT … SELECT from the compiled segment, holdout and treatment hashed in SQL)
// and the drain (SKIP LOCKED batches through the send path, BENCH_WORKERS at once in this process,
// as the executor's drain functions would), each beside a plain INSERT … SELECT of the same rows in
// the same run. BENCH_SCALE=0.1 for 100k contacts.
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { emailContent } from "@/lib/campaigns/testing/campaign-fixtures";
import { setEventSink } from "@/inngest/emit-events";
import { withCpuPerRequest } from "./lib/cpu-per-request";
import { createSegment } from "@/lib/segments/save-segment";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";

const WS = "00000000-0000-0000-0000-0000000000c1";
const USER = "00000000-0000-0000-0000-0000000000c2";
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CONTACTS = Math.round(1_000_000 * SCALE);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const SLICE = 2000;

const secs = (ms: number) => (ms / 1000).toFixed(1);
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en");

async function main() {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = "waymark_bench_campaign";
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const handle = openDb({ databaseUrl: url.toString(), pgliteDir: "memory://" });
  const pg = new Client({ connectionString: url.toString() });
  pg.on("error", () => undefined);
  setEventSink(null);
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    await pg.connect();
    const load = (await pg.query(`select 1`)) && (await import("node:os")).loadavg();
    console.info(`[bench] load average ${load.map((l) => l.toFixed(2)).join(" ")}`);
    const t0 = performance.now();
    await pg.query(
      `insert into workspaces (id, slug, name, timezone) values ($1, 'bench-campaign', 'Bench', 'UTC')`,
      [WS],
    );
    await pg.query(
      `insert into users (id, email, name, password_hash) values ($1, 'bench@example.com', 'Bench', 'x')`,
      [USER],
    );
    // 90 % on the pro plan (the audience); zones spread; every one has an email address.
    await pg.query(
      `insert into contacts (workspace_id, external_id, email, timezone, attributes)
       select $1, 'u' || g, 'u' || g || '@example.com',
         (array['Europe/Berlin','America/New_York','Asia/Tokyo',null])[1 + g % 4],
         jsonb_build_object('plan', case when g % 10 = 0 then 'free' else 'pro' end, 'firstName', 'C' || g)
       from generate_series(1, $2) g`,
      [WS, CONTACTS],
    );
    await pg.query(`vacuum analyze contacts`);
    console.info(
      `[bench] ${CONTACTS.toLocaleString("en")} contacts seeded in ${secs(performance.now() - t0)} s`,
    );

    const templates = [];
    for (const [i, subject] of ["Spring sale, {{ contact.firstName }}", "Last days"].entries()) {
      const t = await createTemplate(WS, USER, { name: `T${i}`, channel: "email" });
      await saveTemplateDraft(WS, t.id, { content: emailContent(subject) });
      await publishTemplate(WS, t.id, USER);
      templates.push(t);
    }
    const segment = await createSegment(WS, USER, {
      name: "Pro",
      description: "",
      type: "dynamic",
      definition: {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" },
        ],
      } as never,
    });
    const campaign = await createCampaign(WS, USER, {
      name: "Bench",
      audience: { kind: "segment", segmentId: segment.id },
      channel: "email",
      treatments: templates.map((t, i) => ({
        label: String.fromCharCode(65 + i),
        templateId: t.id,
        templateVersion: 1,
        percent: 50,
      })),
      holdoutPercent: 10,
      schedule: { kind: "now" },
      limits: { messagesPerSecond: 20_000, maxDurationMinutes: 24 * 60 },
    });
    const run = (await launchCampaign(WS, campaign.id, USER))!;

    // Baseline 1: the same audience rows written by a plain INSERT … SELECT into a copy of the
    // deliveries table (same key), without the hashes.
    await pg.query(`create table bench_deliveries (like campaign_deliveries including all)`);
    let t = performance.now();
    await pg.query(
      `insert into bench_deliveries (run_id, contact_id, treatment, status)
       select $1, c.id, 0, 'queued' from contacts c
       where c.workspace_id = $2 and c.attributes @> '{"plan":"pro"}' order by c.id`,
      [run.id, WS],
    );
    const baseSnapshotMs = performance.now() - t;

    t = performance.now();
    const counts = (await snapshotRun(run.id))!;
    const snapshotMs = performance.now() - t;
    console.info(
      `[bench] snapshot: ${counts.audience.toLocaleString("en")} contacts (${counts.queued.toLocaleString("en")} queued) in ${secs(snapshotMs)} s; plain INSERT … SELECT of the same rows ${secs(baseSnapshotMs)} s (×${(snapshotMs / baseSnapshotMs).toFixed(2)})`,
    );

    // The drain: WORKERS drainers over the run's slices, as the executor's drain functions would.
    t = performance.now();
    const starts = await sliceStarts(run.id, SLICE);
    const slices = starts.map((from, i) => ({ runId: run.id, from, to: starts[i + 1] ?? null }));
    let nextSlice = 0;
    let sent = 0;
    let lastReport = performance.now();
    await withCpuPerRequest(
      "drain (a request is one message sent)",
      () => sent,
      () =>
        Promise.all(
          Array.from({ length: WORKERS }, async () => {
            while (nextSlice < slices.length) {
              const slice = slices[nextSlice++]!;
              for (;;) {
                const r = await drainSlice(slice);
                if (r.kind === "sent") sent += r.counts.sent ?? 0;
                else if (r.kind === "wait") await new Promise((res) => setTimeout(res, r.waitMs));
                else break;
                if (performance.now() - lastReport > 10_000) {
                  lastReport = performance.now();
                  console.info(
                    `[bench]   … ${sent.toLocaleString("en")} sent, ${rate(sent, performance.now() - t)}/s`,
                  );
                }
              }
            }
          }),
        ),
    );
    const drainMs = performance.now() - t;
    const status = await pg.query(
      `select status, count(*)::int as n from campaign_deliveries where run_id = $1 group by 1 order by 1`,
      [run.id],
    );
    const runRow = await pg.query(`select status, pending from campaign_runs where id = $1`, [
      run.id,
    ]);
    const size = await pg.query(
      `select pg_size_pretty(pg_total_relation_size('messages')) as messages, pg_size_pretty(pg_total_relation_size('campaign_deliveries')) as deliveries,
        (select avg(pg_column_size(content))::int from messages where origin->>'kind' = 'campaign') as content_bytes`,
    );

    // Baseline 2: the same message rows (same content size, same indexes) by INSERT … SELECT.
    await pg.query(`create table bench_messages (like messages including all)`);
    t = performance.now();
    await pg.query(
      `insert into bench_messages (workspace_id, contact_id, idempotency_key, channel, template_id, template_version, origin, status, recipient, content, sent_at, delivered_at)
       select m.workspace_id, m.contact_id, 'b:' || m.idempotency_key, m.channel, m.template_id, m.template_version, m.origin, m.status, m.recipient, m.content, m.sent_at, m.delivered_at
       from messages m where m.origin->>'kind' = 'campaign'`,
    );
    const baseMessagesMs = performance.now() - t;
    console.info(
      `[bench] drain: ${sent.toLocaleString("en")} messages into the Outbox in ${secs(drainMs)} s = ${rate(sent, drainMs)} messages/s with ${WORKERS} workers; plain INSERT … SELECT of the same message rows ${secs(baseMessagesMs)} s = ${rate(sent, baseMessagesMs)} rows/s (pipeline at ${((baseMessagesMs / drainMs) * 100).toFixed(0)} % of it)`,
    );
    console.info(
      `[bench] end to end (snapshot + drain): ${rate(sent, snapshotMs + drainMs)} messages/s; deliveries by status ${JSON.stringify(Object.fromEntries(status.rows.map((r: { status: string; n: number }) => [r.status, r.n])))}; run ${JSON.stringify(runRow.rows[0])}`,
    );
    console.info(
      `[bench] sizes: messages ${size.rows[0].messages} (content ${size.rows[0].content_bytes} B a row), deliveries ${size.rows[0].deliveries}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
    );
  } finally {
    clearInterval(sampler);
    await pg.end().catch(() => undefined);
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
