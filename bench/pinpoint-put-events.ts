// Pinpoint PutEvents throughput (AWS SigV4-signed, as the AWS SDK sends it) beside Segment-style
// POST /api/v1/batch carrying the same events, in alternating rounds of the same run against the
// production server and real PostgreSQL. Both send 100 events a request (PutEvents' limit), for the
// same contacts; PutEvents carries 10 device endpoints of 10 events each, endpoints unchanged
// after the warm-up, as an app re-sends its endpoint with every batch.
// Run: npm run bench:pinpoint
import { openDb, setDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { makeTenant } from "@/db/testing/fixtures";
import { signedFetch, signedHeaders } from "@/app/api/pinpoint/testing/sign-request";
import { createBenchDatabase } from "./lib/bench-db";
import { startServer } from "./lib/bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3902);
const EVENTS = 100;
const ENDPOINTS_PER_CALL = 10;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 6);
const ROUND = 50;
const USERS = 2_000;
const NAMES = ["Product Viewed", "Added to Cart", "Order Completed", "Signed In", "Search"];
// The AWS SDK's Node HTTP handler asks for no compression, so PutEvents' answer (a status per
// event, about 6 KB here) comes back plain; fetch would ask for gzip and make the server compress
// it. Both sides ask as the SDKs do (Segment's answer is too small to compress either way).
const IDENTITY = "identity";

const endpointOf = (u: number) => ({
  ChannelType: "GCM",
  Address: `fcm-token-bench-${u}-abcdefgh`,
  Demographic: { Platform: "Android", Timezone: "Europe/Paris" },
  User: { UserId: `user-${u}` },
});

function putEventsBody(request: number) {
  const per = EVENTS / ENDPOINTS_PER_CALL;
  const BatchItem: Record<string, unknown> = {};
  for (let e = 0; e < ENDPOINTS_PER_CALL; e++) {
    const u = (request * ENDPOINTS_PER_CALL + e) % USERS;
    const Events: Record<string, unknown> = {};
    for (let i = 0; i < per; i++) {
      const n = request * EVENTS + e * per + i;
      Events[`pp-${n}`] = {
        EventType: NAMES[n % NAMES.length],
        Timestamp: new Date().toISOString(),
        Attributes: { sku: `sku-${n % 500}` },
        Metrics: { price: n % 200 },
      };
    }
    BatchItem[`ep-${u}`] = { Endpoint: endpointOf(u), Events };
  }
  return JSON.stringify({ BatchItem });
}

function segmentBody(request: number) {
  const batch = Array.from({ length: EVENTS }, (_, i) => {
    const n = request * EVENTS + i;
    return {
      type: "track",
      userId: `user-${(request * ENDPOINTS_PER_CALL + Math.floor(i / 10)) % USERS}`,
      event: NAMES[n % NAMES.length],
      messageId: `seg-${n}`,
      timestamp: new Date().toISOString(),
      properties: { sku: `sku-${n % 500}`, price: n % 200 },
    };
  });
  return JSON.stringify({ batch });
}

async function main() {
  const bench = await createBenchDatabase("waymark_bench_pinpoint");
  const handle = openDb({ databaseUrl: bench.url, pgliteDir: "memory://" });
  await migrateDb(handle);
  setDbHandle(handle);
  const tenant = await makeTenant("Bench");
  const appId = tenant.workspace.id.replaceAll("-", "");
  const server = await startServer(PORT, { DATABASE_URL: bench.url });
  const eventsUrl = `${server.base}/api/pinpoint/v1/apps/${appId}/events`;
  try {
    // Warm-up, not timed: every endpoint (and so every contact) exists, routes are compiled.
    for (let r = 0; r < USERS / ENDPOINTS_PER_CALL; r++) {
      const res = await signedFetch(
        eventsUrl,
        { method: "POST", body: putEventsBody(r) },
        tenant.aws,
      );
      if (res.status !== 202) throw new Error(`warm-up failed: ${res.status}`);
    }
    type TKind = "segment" | "pinpoint";
    const stats: Record<TKind, { seconds: number; latencies: number[] }> = {
      segment: { seconds: 0, latencies: [] },
      pinpoint: { seconds: 0, latencies: [] },
    };
    async function round(kind: TKind, from: number, to: number) {
      // Bodies are built, and PutEvents signed, before the clock starts: an app signs on its own
      // device, and here the client shares the server's two cores, so signing inside the timed
      // loop would charge the client's CPU to the server. Each request keeps its own signature
      // (a signature is dated and served once), made seconds before it is sent.
      const bodies = Array.from({ length: to - from }, (_, i) =>
        kind === "pinpoint"
          ? putEventsBody(USERS / ENDPOINTS_PER_CALL + from + i)
          : segmentBody(from + i),
      );
      const signed =
        kind === "pinpoint"
          ? await Promise.all(
              bodies.map((body) =>
                signedHeaders(
                  eventsUrl,
                  { method: "POST", body, headers: { "accept-encoding": IDENTITY } },
                  tenant.aws,
                ),
              ),
            )
          : [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < bodies.length) {
            const at = next++;
            const body = bodies[at]!;
            const r0 = performance.now();
            if (kind === "pinpoint") {
              const res = await fetch(eventsUrl, { method: "POST", headers: signed[at], body });
              if (res.status !== 202)
                throw new Error(
                  `PutEvents failed: ${res.status} ${(await res.text()).slice(0, 200)}`,
                );
              await res.arrayBuffer();
            } else {
              const res = await fetch(`${server.base}/api/v1/batch`, {
                method: "POST",
                headers: {
                  authorization: `Bearer ${tenant.key}`,
                  "content-type": "application/json",
                  "accept-encoding": IDENTITY,
                },
                body,
              });
              const json = (await res.json()) as { accepted?: number };
              if (res.status !== 200 || json.accepted !== EVENTS)
                throw new Error(
                  `batch failed: ${res.status} ${JSON.stringify(json).slice(0, 200)}`,
                );
            }
            stats[kind].latencies.push(performance.now() - r0);
          }
        }),
      );
      stats[kind].seconds += (performance.now() - t0) / 1000;
    }
    for (let at = 0; at < REQUESTS; at += 2 * ROUND) {
      const mid = Math.min(REQUESTS, at + ROUND);
      await round("segment", at, mid);
      await round("pinpoint", mid, Math.min(REQUESTS, mid + ROUND));
    }
    const rate = (k: TKind) => (stats[k].latencies.length * EVENTS) / stats[k].seconds;
    const p = (k: TKind, q: number) => {
      const l = [...stats[k].latencies].sort((x, y) => x - y);
      return l[Math.min(l.length - 1, Math.floor(q * l.length))]!.toFixed(0);
    };
    console.info(
      `\npinpoint-put-events: ${REQUESTS} requests × ${EVENTS} events, ${CONCURRENCY} concurrent clients, ${USERS} contacts, Segment batch and PutEvents alternating every ${ROUND} requests`,
    );
    for (const k of ["segment", "pinpoint"] as const)
      console.info(
        `  ${k === "segment" ? "POST /api/v1/batch (100 track)" : "PutEvents (SigV4, 10×10)     "} : ${Math.round(rate(k)).toLocaleString("en")} events/s  (${stats[k].seconds.toFixed(1)} s; p50 ${p(k, 0.5)} ms, p99 ${p(k, 0.99)} ms)`,
      );
    console.info(
      `  PutEvents / batch             : ${(rate("pinpoint") / rate("segment")).toFixed(2)}  (goal ≥ 0.80)`,
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
