// Transactional sends (POST /api/v1/messages, the real route handler called in-process with a real
// Request and secret key) on real PostgreSQL: sustained requests of 1 recipient at a fixed rate
// (open loop: latency counted from when each request was due, so a backlog shows) and of 100
// recipients back to back, into the Outbox provider and through the Twilio provider into an HTTP
// sink on loopback. Latency is request → provider hand-off: for the sink, from the request's due
// time to the sink receiving the message; for the Outbox, to the answer (the hand-off is done by
// then). Beside each: a baseline measured in the same run (a bare HTTP POST to the same sink at
// the same rate; the same message rows written by one INSERT … SELECT). A campaign drains its
// audience in the same process and database meanwhile (BENCH_CAMPAIGN_CONTACTS, default 100,000;
// 0 for none), to show the priority lane does not queue behind it.
// Run: npm run bench:transactional   (BENCH_SECONDS=10, BENCH_RATE=200; the script sets
// WAYMARK_DB_POOL_MAX=40, a pool sized for 200 requests/s, and allows the loopback sink)
import { NextRequest } from "next/server";
import { Client } from "pg";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { makeTenant } from "@/db/testing/fixtures";
import { setEventSink } from "@/inngest/emit-events";
import { POST } from "@/app/api/v1/messages/route";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { emailContent } from "@/lib/campaigns/testing/campaign-fixtures";
import { fakeProviderResponder } from "@/lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "@/lib/channels/testing/http-sink";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { createSegment } from "@/lib/segments/save-segment";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import { createBenchDatabase } from "./lib/bench-db";
import { withCpuPerRequest } from "./lib/cpu-per-request";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const BIG_REQUESTS = Number(process.env.BENCH_BIG_REQUESTS ?? 40);
const BIG_CONCURRENCY = Number(process.env.BENCH_BIG_CONCURRENCY ?? 4);
const CAMPAIGN_CONTACTS = Number(process.env.BENCH_CAMPAIGN_CONTACTS ?? 50_000);
const CONTACTS = 5_000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const fmt = (n: number) => Math.round(n).toLocaleString("en");

type TTenant = Awaited<ReturnType<typeof makeTenant>>;

function call(key: string, body: unknown) {
  const req = new NextRequest("http://127.0.0.1/api/v1/messages", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return POST(req, { params: Promise.resolve({}) });
}

const body = (request: number, recipients: number) => ({
  channel: "sms",
  content: { body: "Your order {{ context.order }} has shipped, {{ contact.firstName }}" },
  recipients: Array.from({ length: recipients }, (_, i) => ({
    userId: `u${((request * recipients + i) % CONTACTS) + 1}`,
    context: { order: `O-${request}-${i}` },
  })),
  idempotencyKey: `bench-${recipients}-${request}-${Math.random()}`,
});

/** Open loop: request i is due at start + i / rate; returns each request's due → answer time. */
async function sustained(tenant: TTenant, label: string, sink: THttpSink | null) {
  const n = SECONDS * RATE;
  const due: number[] = [];
  const answered: number[] = [];
  const statuses = new Map<string, number>();
  const start = performance.now() + 50;
  const started = new Map<string, number>();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const b = body(i, 1);
    started.set(`O-${i}-0`, at);
    inflight.push(
      call(tenant.key, b).then(async (res) => {
        const json = (await res.json()) as { results?: { status: string }[] };
        for (const r of json.results ?? [{ status: `HTTP ${res.status}` }])
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        due.push(at);
        answered.push(performance.now() - at);
      }),
    );
  }
  await Promise.all(inflight);
  const elapsed = performance.now() - start;
  let handoff: number[] = [];
  if (sink) {
    // The sink's clock is Date; map the due times through the offset between the two clocks.
    const offset = Date.now() - performance.now();
    handoff = sink.requests
      .map((r) => {
        const order = /O-(\d+)-0/.exec(r.form().get("Body") ?? "")?.[0];
        const at = order ? started.get(order) : undefined;
        return at === undefined ? NaN : r.receivedAt.getTime() - (at + offset);
      })
      .filter((x) => !Number.isNaN(x));
    sink.requests.length = 0;
  }
  const lat = sink ? handoff : answered;
  console.info(
    `[bench] ${label}, 1 recipient at ${RATE} req/s for ${SECONDS} s: ${fmt(n)} requests in ${(elapsed / 1000).toFixed(1)} s = ${fmt((n / elapsed) * 1000)} req/s; request → ${sink ? "sink received" : "answer (Outbox hand-off done)"} p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))} (answer p99 ${ms(pct(answered, 99))}); ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  return { p50: pct(lat, 50), p99: pct(lat, 99) };
}

/** 100 recipients a request, BIG_CONCURRENCY requests at a time: messages per second. */
async function bulk(tenant: TTenant, label: string) {
  let next = 0;
  const lat: number[] = [];
  let ok = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: BIG_CONCURRENCY }, async () => {
      while (next < BIG_REQUESTS) {
        const i = next++;
        const t = performance.now();
        const res = await call(tenant.key, body(100_000 + i, 100));
        const json = (await res.json()) as { results: { status: string }[] };
        ok += json.results.filter((r) => r.status === "SUCCESSFUL").length;
        lat.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - t0;
  console.info(
    `[bench] ${label}, 100 recipients a request, ${BIG_CONCURRENCY} at a time: ${fmt(ok)} messages in ${(elapsed / 1000).toFixed(1)} s = ${fmt((ok / elapsed) * 1000)} messages/s; request p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}`,
  );
  return (ok / elapsed) * 1000;
}

/** Baseline: a bare POST of the same size to the same sink at the same rate (the floor of any hand-off). */
async function bareSink(sink: THttpSink) {
  const n = SECONDS * RATE;
  let failed = 0;
  const lat: number[] = [];
  const start = performance.now() + 50;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      fetch(`${sink.url}/2010-04-01/Accounts/AC0/Messages.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ To: "+14155550100", Body: `baseline ${i}` }).toString(),
      }).then(
        async (r) => {
          await r.text();
          lat.push(performance.now() - at);
        },
        () => void failed++,
      ),
    );
  }
  await Promise.all(inflight);
  sink.requests.length = 0;
  console.info(
    `[bench] baseline: bare HTTP POST to the sink at ${RATE}/s: p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}${failed ? ` (${failed} connection errors)` : ""}`,
  );
}

async function seedContacts(pg: Client, workspaceId: string) {
  await pg.query(
    `insert into contacts (workspace_id, external_id, email, phone, attributes)
     select $1, 'u' || g, 'u' || g || '@example.com', '+1415' || lpad((2000000 + g)::text, 7, '0'),
       jsonb_build_object('firstName', 'C' || g)
     from generate_series(1, $2) g`,
    [workspaceId, CONTACTS],
  );
}

/** A campaign to CAMPAIGN_CONTACTS contacts of its own workspace, drained by two workers until `stop`. */
async function startCampaign(pg: Client) {
  if (!CAMPAIGN_CONTACTS) return { stop: async () => 0 };
  const t = await makeTenant("Bench campaign");
  const ws = t.workspace.id;
  await pg.query(
    `insert into contacts (workspace_id, external_id, email, attributes)
     select $1, 'c' || g, 'c' || g || '@example.com', '{"plan":"pro","firstName":"C"}'::jsonb
     from generate_series(1, $2) g`,
    [ws, CAMPAIGN_CONTACTS],
  );
  const template = await createTemplate(ws, t.user.id, { name: "Sale", channel: "email" });
  await saveTemplateDraft(ws, template.id, { content: emailContent("Spring sale") });
  await publishTemplate(ws, template.id, t.user.id);
  const segment = await createSegment(ws, t.user.id, {
    name: "Pro",
    description: "",
    type: "dynamic",
    definition: {
      kind: "group",
      match: "all",
      conditions: [{ kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" }],
    } as never,
  });
  const campaign = await createCampaign(ws, t.user.id, {
    name: "Bench",
    audience: { kind: "segment", segmentId: segment.id },
    channel: "email",
    treatments: [{ label: "A", templateId: template.id, templateVersion: 1, percent: 100 }],
    holdoutPercent: 0,
    schedule: { kind: "now" },
    limits: { messagesPerSecond: 20_000, maxDurationMinutes: 24 * 60 },
  });
  const run = (await launchCampaign(ws, campaign.id, t.user.id))!;
  await snapshotRun(run.id);
  const starts = await sliceStarts(run.id, 2000);
  const slices = starts.map((from, i) => ({ runId: run.id, from, to: starts[i + 1] ?? null }));
  let stopped = false;
  let sent = 0;
  let nextSlice = 0;
  const workers = Array.from({ length: 2 }, async () => {
    while (!stopped && nextSlice < slices.length) {
      const slice = slices[nextSlice++]!;
      while (!stopped) {
        // Under a starved pool a drain may time out: the executor would retry it, so does this.
        const r = await drainSlice(slice).catch(() => ({ kind: "wait" as const, waitMs: 100 }));
        if (r.kind === "sent") sent += r.counts.sent ?? 0;
        else if (r.kind === "wait") await new Promise((res) => setTimeout(res, r.waitMs));
        else break;
      }
    }
  });
  console.info(`[bench] campaign to ${fmt(CAMPAIGN_CONTACTS)} contacts draining meanwhile`);
  const t0 = performance.now();
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
      console.info(
        `[bench] campaign drained ${fmt(sent)} messages meanwhile (${fmt((sent / (performance.now() - t0)) * 1000)}/s)`,
      );
      return sent;
    },
  };
}

async function main() {
  const { url, drop } = await createBenchDatabase("waymark_txapi_bench");
  const handle = openDb({ databaseUrl: url, pgliteDir: "memory://" });
  const pg = new Client({ connectionString: url });
  setEventSink(null);
  const sink = await startHttpSink({ respond: fakeProviderResponder });
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    await pg.connect();
    const { loadavg } = await import("node:os");
    console.info(
      `[bench] load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const outbox = await makeTenant("Bench outbox");
    const twilio = await makeTenant("Bench sink");
    await saveChannelProvider(twilio.workspace.id, twilio.user.id, "twilio", {
      baseUrl: sink.url,
      accountSid: "AC0123456789abcdef0123456789abcdef",
      authToken: "bench-auth-token",
      fromNumber: "+15005550006",
    });
    await seedContacts(pg, outbox.workspace.id);
    await seedContacts(pg, twilio.workspace.id);
    await pg.query(`vacuum analyze contacts`);
    // Warm-up: compile, pools, caches.
    for (const t of [outbox, twilio])
      for (let i = 0; i < 20; i++) await call(t.key, body(-1 - i, 1));
    sink.requests.length = 0;

    await bareSink(sink);
    const campaign = await startCampaign(pg);
    const a = await withCpuPerRequest("Outbox, 1 recipient", SECONDS * RATE, () =>
      sustained(outbox, "Outbox", null),
    );
    const b = await withCpuPerRequest("HTTP sink, 1 recipient", SECONDS * RATE, () =>
      sustained(twilio, "HTTP sink (Twilio provider)", sink),
    );
    const c = await bulk(outbox, "Outbox");
    const d = await bulk(twilio, "HTTP sink (Twilio provider)");
    sink.requests.length = 0;
    await campaign.stop();

    // Baseline: the transactional message rows written again by one INSERT … SELECT.
    await pg.query(`create table bench_messages (like messages including all)`);
    const rows = await pg.query(`select count(*)::int as n from messages where transactional`);
    const t0 = performance.now();
    await pg.query(
      `insert into bench_messages (workspace_id, contact_id, idempotency_key, channel, origin, status, recipient, content, transactional)
       select workspace_id, contact_id, 'b:' || idempotency_key, channel, origin, status, recipient, content, transactional
       from messages where transactional`,
    );
    const baseMs = performance.now() - t0;
    const n = rows.rows[0].n as number;
    console.info(
      `[bench] baseline: the same ${fmt(n)} message rows by one INSERT … SELECT: ${fmt((n / baseMs) * 1000)} rows/s`,
    );
    const goal = (x: boolean) => (x ? "met" : "NOT met");
    console.info(
      `[bench] goals: ≥ 1,000 messages/s: ${goal(Math.min(c, d) >= 1000)} (${fmt(c)} Outbox, ${fmt(d)} sink); p99 < 250 ms at ${RATE} req/s: ${goal(Math.max(a.p99, b.p99) < 250)} (${ms(a.p99)} Outbox, ${ms(b.p99)} sink)`,
    );
  } finally {
    await sink.close();
    await pg.end().catch(() => undefined);
    await handle.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
