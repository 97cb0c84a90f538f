// Sustained POST /api/v1/batch throughput on loopback into real PostgreSQL: uncompressed and gzip
// bodies (as RudderStack's SDK sends them) in alternating rounds of the same run, beside a raw COPY
// of the same number of event rows into the same table. Run: npm run bench:ingest
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gzipSync } from "node:zlib";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { makeTenant } from "@/db/testing/fixtures";
import { createBenchDatabase } from "./lib/bench-db";
import { startServer } from "./lib/bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3901);
const BATCH = 1000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 6);
// Plain and gzip batches alternate in rounds of this many, so both see the same machine load.
const ROUND = 30;
const USERS = 20_000;
const NAMES = ["Product Viewed", "Added to Cart", "Order Completed", "Signed In", "Search"];

function batchBody(request: number) {
  const batch = Array.from({ length: BATCH }, (_, i) => {
    const n = request * BATCH + i;
    // Live traffic: events happen now, as they do when an app streams them.
    return {
      type: "track",
      userId: `user-${n % USERS}`,
      event: NAMES[n % NAMES.length],
      messageId: `bench-${n}`,
      timestamp: new Date().toISOString(),
      properties: { sku: `sku-${n % 500}`, price: n % 200 },
    };
  });
  return JSON.stringify({ batch });
}

async function main() {
  const bench = await createBenchDatabase("waymark_bench_ingest");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  const tenant = await makeTenant("Bench");
  const server = await startServer(PORT, { DATABASE_URL: bench.url });
  try {
    // Warm-up: compiles routes, creates the contacts, fills caches; not timed.
    for (let r = 0; r < USERS / BATCH; r++) {
      const warm = JSON.stringify({
        batch: Array.from({ length: BATCH }, (_, i) => ({
          type: "identify",
          userId: `user-${r * BATCH + i}`,
          traits: { plan: "free" },
        })),
      });
      const res = await fetch(`${server.base}/api/v1/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${tenant.key}`, "content-type": "application/json" },
        body: warm,
      });
      if (!res.ok) throw new Error(`warm-up failed: ${res.status} ${await res.text()}`);
    }

    type TKind = "json" | "gzip";
    const stats: Record<TKind, { seconds: number; latencies: number[]; bytes: number }> = {
      json: { seconds: 0, latencies: [], bytes: 0 },
      gzip: { seconds: 0, latencies: [], bytes: 0 },
    };
    // Runs requests [from, to) of one kind with CONCURRENCY clients; bodies are built (and
    // compressed) before the clock starts, as the SDK does on the client's own CPU.
    async function round(kind: TKind, from: number, to: number) {
      const bodies = Array.from({ length: to - from }, (_, i) => {
        const json = batchBody(from + i);
        return kind === "gzip" ? gzipSync(json) : Buffer.from(json);
      });
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < bodies.length) {
            const body = bodies[next++]!;
            stats[kind].bytes += body.length;
            const r0 = performance.now();
            const res = await fetch(`${server.base}/api/v1/batch`, {
              method: "POST",
              headers: {
                authorization: `Bearer ${tenant.key}`,
                "content-type": "application/json",
                ...(kind === "gzip" ? { "content-encoding": "gzip" } : {}),
              },
              body: new Uint8Array(body),
            });
            const json = (await res.json()) as { accepted?: number };
            if (res.status !== 200 || json.accepted !== BATCH)
              throw new Error(`batch failed: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
            stats[kind].latencies.push(performance.now() - r0);
          }
        }),
      );
      stats[kind].seconds += (performance.now() - t0) / 1000;
    }
    for (let at = 0; at < REQUESTS; at += 2 * ROUND) {
      const mid = Math.min(REQUESTS, at + ROUND);
      await round("json", at, mid);
      await round("gzip", mid, Math.min(REQUESTS, mid + ROUND));
    }
    const rate = (k: TKind) => (stats[k].latencies.length * BATCH) / stats[k].seconds;
    const apiRate = (REQUESTS * BATCH) / (stats.json.seconds + stats.gzip.seconds);

    // Baseline: the same number of rows, same shape, COPYed straight into the same table.
    const pg = new Client({ connectionString: bench.url });
    await pg.connect();
    const { rows } = await pg.query<{ id: string; external_id: string }>(
      "select id, external_id from contacts where workspace_id = $1",
      [tenant.workspace.id],
    );
    const byUser = new Map(rows.map((r) => [r.external_id, r.id]));
    const total = REQUESTS * BATCH;
    const lines = function* () {
      for (let n = 0; n < total; n++) {
        const props = JSON.stringify({ sku: `sku-${n % 500}`, price: n % 200 }).replace(
          /\\/g,
          "\\\\",
        );
        yield `${tenant.workspace.id}\t${byUser.get(`user-${n % USERS}`)}\t${NAMES[n % NAMES.length]}\t${props}\t${new Date().toISOString()}\tcopy-${n}\n`;
      }
    };
    const c0 = performance.now();
    await pipeline(
      Readable.from(lines()),
      pg.query(
        copyFrom(
          "copy events (workspace_id, contact_id, name, properties, occurred_at, message_id) from stdin",
        ),
      ),
    );
    const copySeconds = (performance.now() - c0) / 1000;
    const copyRate = total / copySeconds;
    await pg.end();

    const p = (k: TKind, q: number) => {
      const l = [...stats[k].latencies].sort((x, y) => x - y);
      return l[Math.min(l.length - 1, Math.floor(q * l.length))]!.toFixed(0);
    };
    console.info(
      `\ningest-throughput: ${REQUESTS} batches × ${BATCH} track events, ${CONCURRENCY} concurrent clients, ${USERS} contacts, plain and gzip alternating every ${ROUND} batches`,
    );
    for (const k of ["json", "gzip"] as const)
      console.info(
        `  POST /api/v1/batch ${k === "json" ? "(JSON)" : "(gzip)"} : ${Math.round(rate(k)).toLocaleString("en")} events/s  (${stats[k].seconds.toFixed(1)} s; ${Math.round(stats[k].bytes / stats[k].latencies.length / 1024)} KB a batch; p50 ${p(k, 0.5)} ms, p99 ${p(k, 0.99)} ms)`,
      );
    console.info(
      `  gzip / JSON         : ${(rate("gzip") / rate("json")).toFixed(2)}  (goal ≥ 0.80)`,
    );
    console.info(
      `  raw COPY baseline   : ${Math.round(copyRate).toLocaleString("en")} events/s  (${copySeconds.toFixed(1)} s)`,
    );
    console.info(
      `  ratio API / COPY    : ${(apiRate / copyRate).toFixed(2)}  (goal ≥ 0.25, and ≥ 20,000 events/s)`,
    );
  } finally {
    server.stop();
    await handle.close();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
