import { Analytics as SegmentAnalytics } from "@segment/analytics-node";
import RudderAnalytics from "@rudderstack/rudder-sdk-node";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { OPTIONS, POST } from "./[call]/route";
import { GET } from "./contacts/[userId]/route";
import { serveRoutes } from "./testing/serve-routes";
import { callRoute } from "./v1-test-client";

// The SDKs as a customer's app uses them, unchanged: only the host and the key are Waymark's.
let close: () => Promise<void>;
let server: Awaited<ReturnType<typeof serveRoutes>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("SDKs");
  server = await serveRoutes([
    { path: /^\/api\/v1\/(?<call>[a-z]+)$/, handlers: { POST, OPTIONS } },
  ]);
});
afterAll(async () => {
  await server.close();
  await close();
});

const profile = async (userId: string) =>
  (await callRoute(GET, { userId }, { method: "GET", key: tenant.key })).json!;
const events = (userId: string) =>
  executeRows<{ name: string; properties: Record<string, unknown> }>(
    sql`select e.name, e.properties from events e join contacts c on c.id = e.contact_id
        where c.workspace_id = ${tenant.workspace.id} and c.external_id = ${userId}
        order by e.occurred_at, e.id`,
  );

describe("RudderStack's Node SDK (gzip bodies)", () => {
  it("stores identify, track, page and screen sent gzip-compressed by the unchanged SDK", async () => {
    const client = new RudderAnalytics(tenant.key, {
      dataPlaneUrl: `${server.base}/api`,
      flushAt: 100,
      logLevel: "error",
    });
    client.track({ anonymousId: "rs-anon", event: "App Opened", properties: { from: "push" } });
    client.identify({
      userId: "rs-1",
      anonymousId: "rs-anon",
      traits: { email: "RS@example.com", plan: "pro" },
      context: { timezone: "Europe/Berlin", locale: "de-DE" },
    });
    client.track({ userId: "rs-1", event: "Order Completed", properties: { total: 12.5 } });
    client.page({ userId: "rs-1", name: "Pricing", properties: { path: "/pricing" } });
    client.screen({ userId: "rs-1", name: "Home" });
    await client.flush();

    const batches = server.requests.filter((r) => r.path === "/api/v1/batch");
    expect(batches.at(-1)).toMatchObject({ method: "POST", status: 200, encoding: "gzip" });
    expect(await profile("rs-1")).toMatchObject({
      email: "rs@example.com",
      timezone: "Europe/Berlin",
      locale: "de-DE",
      attributes: { plan: "pro" },
      anonymousIds: ["rs-anon"],
      eventCount: 5,
    });
    expect((await events("rs-1")).map((e) => e.name).sort()).toEqual([
      "$identify",
      "$page",
      "$screen",
      "App Opened",
      "Order Completed",
    ]);
  });
});

describe("Segment's Node SDK", () => {
  it("stores calls sent through the unchanged SDK, with the key as Basic user", async () => {
    const analytics = new SegmentAnalytics({
      writeKey: tenant.key,
      // The SDK resolves `path` against `host`, so Waymark's prefix goes into the path.
      host: server.base,
      path: "/api/v1/batch",
      flushAt: 50,
      maxRetries: 0,
    });
    const failures: unknown[] = [];
    analytics.on("error", (e) => failures.push(e));
    analytics.identify({ userId: "seg-1", traits: { email: "seg@example.com", plan: "free" } });
    analytics.track({ userId: "seg-1", event: "Signed In", properties: { method: "sso" } });
    analytics.page({ userId: "seg-1", name: "Docs" });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(failures).toEqual([]);
    expect(await profile("seg-1")).toMatchObject({
      email: "seg@example.com",
      attributes: { plan: "free" },
      eventCount: 3,
    });
  });
});
