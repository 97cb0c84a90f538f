import { Analytics as SegmentAnalytics } from "@segment/analytics-node";
import RudderAnalytics from "@rudderstack/rudder-sdk-node";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "@/lib/channels/testing/free-port";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { OPTIONS, POST } from "./[call]/route";
import { serveRoutes } from "./testing/serve-routes";

// The SDKs decide from the status alone whether a batch is sent again: 5xx and 429 are retried,
// 400 is dropped. So a database outage must answer 5xx (the batch arrives once it is back, once),
// and only a batch that can never be stored may answer 400. Checked with the unchanged SDKs.
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let server: Awaited<ReturnType<typeof serveRoutes>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
/** Set to make the next request find the database down (a closed port): it answers 503. */
let outageForNext: DbHandle | null = null;

async function downForOneRequest() {
  outageForNext = openDb({
    databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/none`,
    pgliteDir: "memory://",
    timeouts: { statementMs: 1000, idleInTransactionMs: 1000, connectMs: 300 },
  });
}

beforeAll(async () => {
  testDb = await useTestDb();
  tenant = await makeTenant("SDK retries");
  server = await serveRoutes([
    {
      path: /^\/api\/v1\/(?<call>[a-z]+)$/,
      handlers: {
        OPTIONS,
        POST: async (req, ctx) => {
          const outage = outageForNext;
          if (!outage) return POST(req, ctx);
          outageForNext = null;
          setDbHandle(outage);
          try {
            return await POST(req, ctx);
          } finally {
            setDbHandle(testDb.handle);
            await outage.close().catch(() => undefined);
          }
        },
      },
    },
  ]);
});
afterAll(async () => {
  await server.close();
  await testDb.close();
});

const eventNames = (userId: string) =>
  executeRows<{ name: string }>(
    sql`select e.name from events e join contacts c on c.id = e.contact_id
        where c.workspace_id = ${tenant.workspace.id} and c.external_id = ${userId}
        order by e.name`,
  ).then((rows) => rows.map((r) => r.name));

const statusesSince = (from: number) => server.requests.slice(from).map((r) => r.status);

function segment() {
  const analytics = new SegmentAnalytics({
    writeKey: tenant.key,
    host: server.base,
    path: "/api/v1/batch",
    flushAt: 50,
    maxRetries: 3,
  });
  const failures: unknown[] = [];
  analytics.on("error", (e) => failures.push(e));
  return { analytics, failures };
}

describe("Segment's Node SDK", () => {
  it("sends a batch again after a 503 from a database outage, and it is stored once", async () => {
    const from = server.requests.length;
    await downForOneRequest();
    const { analytics, failures } = segment();
    analytics.track({ userId: "retry-1", event: "Order Completed", properties: { total: 3 } });
    analytics.track({ userId: "retry-1", event: "Signed In" });
    await analytics.closeAndFlush({ timeout: 15_000 });
    expect(statusesSince(from)).toEqual([503, 200]);
    expect(failures).toEqual([]);
    expect(await eventNames("retry-1")).toEqual(["Order Completed", "Signed In"]);
  });

  it("does not send again a batch refused with 400, and stores none of it", async () => {
    const from = server.requests.length;
    const { analytics, failures } = segment();
    // Longer than an event name may be: the batch can never be stored, so it must not be retried.
    analytics.track({ userId: "refused-1", event: "E".repeat(300) });
    await analytics.closeAndFlush({ timeout: 15_000 });
    expect(statusesSince(from)).toEqual([400]);
    expect(failures).toHaveLength(1);
    expect(await eventNames("refused-1")).toEqual([]);
  });
});

describe("RudderStack's Node SDK", () => {
  it("sends a gzip batch again after a 503, and it is stored once", async () => {
    const from = server.requests.length;
    await downForOneRequest();
    const client = new RudderAnalytics(tenant.key, {
      dataPlaneUrl: `${server.base}/api`,
      flushAt: 100,
      retryCount: 3,
      logLevel: "off",
    });
    client.track({ userId: "rs-retry", event: "App Opened" });
    await client.flush();
    expect(statusesSince(from)).toEqual([503, 200]);
    expect(await eventNames("rs-retry")).toEqual(["App Opened"]);
  });
});
