// Event-stream throughput at 1M events on real PostgreSQL, beside ingestion's rate in the same run.
// 1. Ingestion baseline: 100k `track` events through lib/ingest (the code behind /api/v1/batch,
//    without HTTP), 1,000 per call. 2. Recording: 1M message events inserted in campaign-sized
//    statements; the statement triggers write the stream's outbox as they go. 3. Delivery: the 1M
//    events to a signed webhook on loopback (1,000 per request), then to an hourly NDJSON export.
// Run: npm run bench:stream   (BENCH_STREAM_EVENTS to change the million)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { db, openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { makeTenant } from "@/db/testing/fixtures";
import { ingest } from "@/lib/ingest/ingest";
import { parseCall, type TOperation } from "@/lib/ingest/normalize";
import { deliverDueStreams } from "@/lib/stream/deliver-stream";
import { createDestination } from "@/lib/stream/manage-destinations";
import { createBenchDatabase } from "./lib/bench-db";

const EVENTS = Number(process.env.BENCH_STREAM_EVENTS ?? 1_000_000);
const INGEST_EVENTS = 100_000;
const MESSAGES = 100_000;
const CHUNK = 50_000;

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function receiver() {
  let events = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      bytes += body.length;
      events += (JSON.parse(body.toString("utf8")) as { events: unknown[] }).events.length;
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    stats: () => ({ events, bytes }),
    close: () => new Promise((r) => server.close(r)),
  };
}

async function main() {
  const bench = await createBenchDatabase("waymark_bench_stream");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  const sink = await receiver();
  try {
    const t = await makeTenant("Bench");
    const ws = t.workspace.id;
    const hook = await createDestination(ws, t.user.id, {
      name: "Webhook",
      kind: "webhook",
      settings: { url: sink.url, batchSize: 1000 },
    });
    const files = await createDestination(ws, t.user.id, {
      name: "Export",
      kind: "ndjson",
      settings: { period: "hour" },
    });

    // 1. Ingestion, as /api/v1/batch stores it (contacts made first, not timed).
    const now = new Date();
    const call = (i: number, kind: "identify" | "track") => {
      const parsed = parseCall(
        kind,
        kind === "identify"
          ? { userId: `u${i}`, traits: { plan: "free" } }
          : {
              userId: `u${i % 20_000}`,
              event: "Product Viewed",
              messageId: `b${i}`,
              properties: { sku: i % 500 },
            },
        now,
      );
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.op as TOperation;
    };
    for (let i = 0; i < 20_000; i += 1000)
      await ingest(
        ws,
        Array.from({ length: 1000 }, (_, k) => call(i + k, "identify")),
      );
    let started = performance.now();
    for (let i = 0; i < INGEST_EVENTS; i += 1000)
      await ingest(
        ws,
        Array.from({ length: 1000 }, (_, k) => call(i + k, "track")),
      );
    const ingestMs = performance.now() - started;

    // 2. Recording: messages, then their lifecycle events through the stream's triggers.
    await db()
      .execute(sql`insert into messages (workspace_id, contact_id, idempotency_key, channel, provider, origin, status, recipient)
      select ${ws}, c.id, 'bench:' || g, 'email', 'outbox', jsonb_build_object('kind','campaign','campaignId', gen_random_uuid(), 'runId', gen_random_uuid(), 'treatment', 0), 'delivered', 'c' || g || '@example.com'
      from generate_series(1, ${MESSAGES}) g
      join lateral (select id from contacts where workspace_id = ${ws} and external_id = 'u' || (g % 20000) limit 1) c on true`);
    await db().execute(sql`delete from stream_events`);
    const types = [
      "queued",
      "sent",
      "delivered",
      "opened",
      "clicked",
      "sent",
      "delivered",
      "opened",
      "queued",
      "sent",
    ];
    started = performance.now();
    for (let done = 0; done < EVENTS; done += CHUNK) {
      const n = Math.min(CHUNK, EVENTS - done);
      await db()
        .execute(sql`insert into message_events (workspace_id, message_id, type, occurred_at)
        select ${ws}, m.id, (${`{${types.join(",")}}`}::text[])[1 + (g % 10)]::message_event_type, now()
        from generate_series(${done}::int, ${done + n - 1}::int) g
        join lateral (select id from messages where workspace_id = ${ws} and idempotency_key = 'bench:' || (1 + g % ${MESSAGES}::int)) m on true`);
    }
    const recordMs = performance.now() - started;

    // 3. Delivery, each destination from its cursor to the end.
    // Until every event is through: on a shared server, another database's transaction holds the
    // watermark back for a moment (docs/event-stream.md#ordering), so an empty round waits a little.
    const deliver = async (only: string) => {
      const t0 = performance.now();
      let delivered = 0;
      let idle = 0;
      while (delivered < EVENTS && idle < 2000) {
        const r = await deliverDueStreams({ budgetMs: 60_000, only });
        delivered += r.delivered;
        if (r.delivered) idle = 0;
        else {
          idle++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      return { delivered, ms: performance.now() - t0 };
    };
    const webhook = await deliver(hook.destination.id);
    const exportRun = await deliver(files.destination.id);
    const [size] = await db()
      .execute(
        sql`select coalesce(sum(octet_length(gz)), 0)::bigint as bytes from stream_export_chunks`,
      )
      .then(
        (r) =>
          (r as unknown as { rows?: { bytes: string }[] }).rows ??
          (r as unknown as { bytes: string }[]),
      );

    const lines = [
      `ingestion (lib/ingest, track, 1,000/call): ${INGEST_EVENTS.toLocaleString("en")} events in ${(ingestMs / 1000).toFixed(1)} s = ${rate(INGEST_EVENTS, ingestMs).toLocaleString("en")} events/s`,
      `recording (message_events + stream triggers, 50k/statement): ${EVENTS.toLocaleString("en")} in ${(recordMs / 1000).toFixed(1)} s = ${rate(EVENTS, recordMs).toLocaleString("en")} events/s`,
      `webhook (1,000/request, signed, loopback): ${webhook.delivered.toLocaleString("en")} in ${(webhook.ms / 1000).toFixed(1)} s = ${rate(webhook.delivered, webhook.ms).toLocaleString("en")} events/s, ${(sink.stats().bytes / 1e6).toFixed(0)} MB`,
      `ndjson export (hourly gzip): ${exportRun.delivered.toLocaleString("en")} in ${(exportRun.ms / 1000).toFixed(1)} s = ${rate(exportRun.delivered, exportRun.ms).toLocaleString("en")} events/s, ${(Number(size?.bytes ?? 0) / 1e6).toFixed(0)} MB gzip`,
    ];
    for (const l of lines) console.info(l);
    if (sink.stats().events !== EVENTS || exportRun.delivered !== EVENTS)
      throw new Error(
        `lost events: webhook got ${sink.stats().events}, export ${exportRun.delivered}`,
      );
  } finally {
    await sink.close();
    await handle.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
