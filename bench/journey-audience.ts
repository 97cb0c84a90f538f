// A segment-triggered journey at audience scale, end to end on the production build: trigger →
// email → wait 1 day → SMS → exit, over BENCH_CONTACTS (100,000) contacts that all match the
// segment, on real PostgreSQL. The app's own background jobs do the work (the journey-trigger-sweeps
// cron enters the segment's members, the local executor runs one journey run per contact, sends go
// to the Outbox). Reports the time from publish until every first email is in the Outbox, then moves
// the test clock a day (POST /api/test/clock) and the time until every SMS is, with the servers'
// peak memory (RSS of each `next start` process tree). BENCH_PROCESSES=2 runs two app processes on
// the one database. Run: npm run bench:journey-audience (BENCH_CONTACTS=5000 for a quick look).
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { openDb, setDbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { migrateDb } from "@/db/migrate";
import { makeTenant } from "@/db/testing/fixtures";
import {
  createJourney,
  publishJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";
import { edge, node } from "@/lib/journeys/testing/graph-fixtures";
import { createSegment } from "@/lib/segments/save-segment";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { setEventSink } from "@/inngest/emit-events";
import { createBenchDatabase } from "./lib/bench-db";
import { startServer } from "./lib/bench-server";
import { groupCpuMs, postgresCpuMs } from "./lib/cpu-per-request";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const SECRET = "bench-secret-bench-secret-bench-secret-0001";
const DAY_MS = 24 * 3600_000;
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 30 * 60_000);

/** Resident memory (MB) of a process group: the npx wrapper, next start and its workers. */
function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
    return Math.round(out.split("\n").reduce((s, l) => s + (Number(l.trim()) || 0), 0) / 1024);
  } catch {
    return 0;
  }
}

async function main() {
  // Publishing enters the segment's members here, in the bench process: their start events go to
  // the first server's executor, as the app's would (npm run sets these two for that).
  if (
    process.env.AUTH_SECRET !== SECRET ||
    process.env.WAYMARK_INTERNAL_URL !== `http://127.0.0.1:${PORT}`
  )
    throw new Error(
      "Run through npm run bench:journey-audience (AUTH_SECRET, WAYMARK_INTERNAL_URL)",
    );
  setEventSink();
  const fresh = await createBenchDatabase("waymark_bench_audience");
  const handle = openDb({ databaseUrl: fresh.url, pgliteDir: "memory://" });
  setDbHandle(handle);
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    await migrateDb(handle);
    const { user, workspace } = await makeTenant("Audience bench");
    const ws = workspace.id;
    const t0 = Date.now();
    await executeRows(
      sql`insert into contacts (workspace_id, external_id, email, phone, attributes)
          select ${ws}, 'u' || g, 'u' || g || '@example.com', '+1555' || lpad(g::text, 7, '0'),
                 '{"tier":"vip"}'::jsonb
          from generate_series(1, ${CONTACTS}) g`,
    );
    console.info(
      `[bench] ${CONTACTS.toLocaleString("en")} contacts seeded in ${Date.now() - t0} ms`,
    );
    const segment = await createSegment(ws, user.id, {
      name: "VIPs",
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
    const email = await createTemplate(ws, user.id, { name: "Welcome", channel: "email" });
    await publishTemplate(ws, email.id, user.id);
    const sms = await createTemplate(ws, user.id, { name: "Reminder", channel: "sms" });
    await publishTemplate(ws, sms.id, user.id);
    const journey = await createJourney(ws, user.id, { name: "Audience" });
    await saveJourneyDraft(ws, journey.id, {
      graph: {
        nodes: [
          node("t", "trigger", {
            kind: "segment_entered",
            segmentId: segment.id,
            includeExisting: true,
          }),
          node("e", "send", { channel: "email", templateId: email.id }),
          node("w", "wait", { kind: "duration", amount: 1, unit: "days" }),
          node("s", "send", { channel: "sms", templateId: sms.id }),
          node("x", "exit"),
        ],
        edges: [edge("t", "e"), edge("e", "w"), edge("w", "s"), edge("s", "x")],
      },
      settings: { entry: { mode: "once" } },
    });

    for (let i = 0; i < PROCESSES; i++)
      servers.push(
        await startServer(PORT + i, {
          DATABASE_URL: fresh.url,
          WAYMARK_TEST_HOOKS: "1",
          WAYMARK_TRIGGER_SWEEP_SECONDS: "5",
          WAYMARK_INTERNAL_URL: `http://127.0.0.1:${PORT + i}`,
        }),
      );
    let peakMb = 0;
    const sample = setInterval(() => {
      peakMb = Math.max(
        peakMb,
        servers.reduce((s, srv) => s + groupRssMb(srv.pgid), 0),
      );
    }, 1000);

    const sent = async (channel: "email" | "sms") =>
      (
        await executeRows<{ n: number }>(
          sql`select count(*)::int as n from messages
              where workspace_id = ${ws} and channel = ${channel} and provider = 'outbox'`,
        )
      )[0]!.n;
    const waitFor = async (channel: "email" | "sms", from: number) => {
      let last = -1;
      for (;;) {
        const n = await sent(channel);
        if (n >= CONTACTS) return Date.now() - from;
        if (Date.now() - from > LIMIT_MS)
          throw new Error(`${channel}: ${n} of ${CONTACTS} after ${LIMIT_MS} ms`);
        if (n !== last && n - last >= CONTACTS / 10) {
          console.info(
            `[bench] ${channel}: ${n.toLocaleString("en")} at ${((Date.now() - from) / 1000).toFixed(0)} s`,
          );
          last = n;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    };

    // CPU per contact and wave, the app processes' and PostgreSQL's: on two shared cores their
    // sum is what bounds the rate, and it moves far less with the neighbours than the rate does.
    const cpuNow = () => ({
      app: servers.reduce((s, srv) => s + (groupCpuMs(srv.pgid) ?? NaN), 0),
      pg: postgresCpuMs() ?? NaN,
    });
    const cpuPerContact = (from: { app: number; pg: number }) => {
      const to = cpuNow();
      const per = (ms: number) => `${(ms / CONTACTS).toFixed(1)} ms`;
      return `app ${per(to.app - from.app)}, PostgreSQL ${per(to.pg - from.pg)}`;
    };

    const published = Date.now();
    const cpu1 = cpuNow();
    await publishJourney(ws, journey.id, user.id);
    const firstWave = await waitFor("email", published);
    const firstCpu = cpuPerContact(cpu1);
    const firstPeak = peakMb;
    const clock = await fetch(`${servers[0]!.base}/api/test/clock`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-secret": SECRET },
      body: JSON.stringify({ advanceMs: DAY_MS + 60_000 }),
    });
    if (!clock.ok) throw new Error(`clock: HTTP ${clock.status} ${await clock.text()}`);
    const advanced = Date.now();
    const cpu2 = cpuNow();
    const secondWave = await waitFor("sms", advanced);
    const secondCpu = cpuPerContact(cpu2);
    clearInterval(sample);
    const [runs] = await executeRows<{ n: number; done: number }>(
      sql`select count(*)::int as n, count(*) filter (where status = 'completed')::int as done
          from executor_runs where function_id like '%run-journey'`,
    );
    console.info(
      `[bench] ${CONTACTS.toLocaleString("en")} contacts, ${PROCESSES} app process(es): ` +
        `publish → every email in the Outbox ${(firstWave / 1000).toFixed(1)} s ` +
        `(${Math.round(CONTACTS / (firstWave / 1000))}/s), clock +1 day → every SMS ${(secondWave / 1000).toFixed(1)} s ` +
        `(${Math.round(CONTACTS / (secondWave / 1000))}/s); journey runs ${runs!.n} (${runs!.done} completed); ` +
        `peak RSS ${firstPeak} MB in wave 1, ${peakMb} MB overall (all app processes)`,
    );
    console.info(
      `[bench] CPU per contact: wave 1 ${firstCpu}; wave 2 ${secondCpu} (PostgreSQL's includes the bench's own polling)`,
    );
  } finally {
    for (const s of servers) s.stop();
    await handle.close();
    await fresh.drop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
