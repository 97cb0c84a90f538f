// Sustained POST /api/v1/batch throughput on loopback into real PostgreSQL, beside a raw COPY of
// the same number of event rows into the same table in the same run. Run: npm run bench
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
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

    let next = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const body = batchBody(next++);
          const t0 = performance.now();
          const res = await fetch(`${server.base}/api/v1/batch`, {
            method: "POST",
            headers: { authorization: `Bearer ${tenant.key}`, "content-type": "application/json" },
            body,
          });
          const json = (await res.json()) as { accepted?: number };
          if (res.status !== 200 || json.accepted !== BATCH)
            throw new Error(`batch failed: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const apiSeconds = (performance.now() - started) / 1000;
    const apiRate = (REQUESTS * BATCH) / apiSeconds;

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

    latencies.sort((a, b) => a - b);
    const p = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(0);
    console.info(
      `\ningest-throughput: ${REQUESTS} batches × ${BATCH} track events, ${CONCURRENCY} concurrent clients, ${USERS} contacts`,
    );
    console.info(
      `  POST /api/v1/batch : ${Math.round(apiRate).toLocaleString("en")} events/s  (${apiSeconds.toFixed(1)} s; per batch p50 ${p(0.5)} ms, p99 ${p(0.99)} ms)`,
    );
    console.info(
      `  raw COPY baseline  : ${Math.round(copyRate).toLocaleString("en")} events/s  (${copySeconds.toFixed(1)} s)`,
    );
    console.info(
      `  ratio API / COPY   : ${(apiRate / copyRate).toFixed(2)}  (goal ≥ 0.25, and ≥ 20,000 events/s)`,
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
