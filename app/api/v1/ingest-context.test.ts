import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { POST } from "./[call]/route";
import { GET } from "./contacts/[userId]/route";
import { callRoute } from "./v1-test-client";

let close: () => Promise<void>;
let t: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  t = await makeTenant("Context");
});
afterAll(() => close());

const post = (call: string, body: unknown) => callRoute(POST, { call }, { body, key: t.key });
const profile = async (userId: string) =>
  (await callRoute(GET, { userId }, { method: "GET", key: t.key })).json!;
const eventRow = async (messageId: string) =>
  (
    await executeRows<{
      context: Record<string, unknown> | null;
      occurred_at: string | Date;
      received_at: string | Date;
    }>(
      sql`select context, occurred_at, received_at from events
          where workspace_id = ${t.workspace.id} and message_id = ${messageId}`,
    )
  )[0]!;

describe("Segment context", () => {
  it("is kept on the event (ip, userAgent, app, os, campaign, page) and its device token becomes a push device", async () => {
    const res = await post("track", {
      userId: "ctx-1",
      event: "App Opened",
      messageId: "ctx-m1",
      context: {
        ip: "198.51.100.7",
        userAgent: "Shop/4.2 (iPhone; iOS 18.1)",
        app: { name: "Shop", version: "4.2.0" },
        os: { name: "iOS", version: "18.1" },
        device: { token: "apns-device-token-0001", type: "ios", model: "iPhone16,1" },
        campaign: { source: "push", medium: "notification", name: "winter-sale" },
        page: { path: "/home" },
      },
    });
    expect(res.status).toBe(200);
    const row = await eventRow("ctx-m1");
    expect(row.context).toEqual({
      ip: "198.51.100.7",
      userAgent: "Shop/4.2 (iPhone; iOS 18.1)",
      app: { name: "Shop", version: "4.2.0" },
      os: { name: "iOS", version: "18.1" },
      device: { type: "ios", model: "iPhone16,1" },
      campaign: { source: "push", medium: "notification", name: "winter-sale" },
      page: { path: "/home" },
    });
    expect((await profile("ctx-1")).channels.push).toMatchObject({ reachable: true });
    const tokens = await executeRows<{ platform: string }>(
      sql`select platform from push_tokens where workspace_id = ${t.workspace.id} and token = 'apns-device-token-0001'`,
    );
    expect(tokens).toEqual([{ platform: "ios" }]);
  });

  it("sets the contact's zone and locale from the device only when they have none", async () => {
    await post("identify", {
      userId: "tz-1",
      context: { timezone: "Asia/Tokyo", locale: "ja-JP" },
    });
    expect(await profile("tz-1")).toMatchObject({ timezone: "Asia/Tokyo", locale: "ja-JP" });
    // A later call from a device elsewhere does not move a zone already known…
    await post("identify", { userId: "tz-1", context: { timezone: "America/New_York" } });
    expect((await profile("tz-1")).timezone).toBe("Asia/Tokyo");
    // …but the contact's own field does.
    await post("identify", { userId: "tz-1", timezone: "Europe/Rome" });
    expect((await profile("tz-1")).timezone).toBe("Europe/Rome");
  });

  it("corrects the device clock with sentAt and records when the call was received", async () => {
    // The phone's clock runs an hour fast: it says the event was 5 minutes before sending.
    const fast = Date.now() + 3600_000;
    const before = Date.now();
    await post("track", {
      userId: "skew-1",
      event: "Viewed",
      messageId: "skew-m1",
      originalTimestamp: new Date(fast - 300_000).toISOString(),
      sentAt: new Date(fast).toISOString(),
    });
    const row = await eventRow("skew-m1");
    const expected = before - 300_000;
    expect(Math.abs(new Date(row.occurred_at).getTime() - expected)).toBeLessThan(5_000);
    expect(new Date(row.received_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(row.received_at).getTime()).toBeLessThan(Date.now() + 1000);
  });
});

describe("anonymous history merged on the first identify with both ids", () => {
  it("moves the visitor's events and devices to the user; the user's own values win, the visitor's fill gaps", async () => {
    await post("identify", {
      anonymousId: "visitor-7",
      traits: { plan: "free", color: "teal", email: "visitor@example.com" },
      context: { timezone: "Europe/Lisbon", device: { token: "web-push-token-77", type: "web" } },
    });
    await post("track", { anonymousId: "visitor-7", event: "Pricing Viewed", messageId: "v7-1" });
    await post("identify", {
      userId: "known-7",
      email: "known@example.com",
      traits: { plan: "pro" },
    });

    await post("identify", { userId: "known-7", anonymousId: "visitor-7", messageId: "v7-merge" });
    const p = await profile("known-7");
    expect(p).toMatchObject({
      email: "known@example.com",
      timezone: "Europe/Lisbon",
      attributes: { plan: "pro", color: "teal" },
      anonymousIds: ["visitor-7"],
      eventCount: 4,
    });
    expect(p.channels.push).toMatchObject({ reachable: true });
    const anonymous = await executeRows(
      sql`select 1 from contacts where workspace_id = ${t.workspace.id} and external_id is null`,
    );
    expect(anonymous).toHaveLength(0);
    // Later calls with the visitor's id land on the user.
    await post("track", { anonymousId: "visitor-7", event: "Came Back", messageId: "v7-2" });
    expect((await profile("known-7")).eventCount).toBe(5);
  });
});

describe("context.ip from the request", () => {
  const send = (messageId: string, ctx: Record<string, unknown> | undefined, xff: string) =>
    callRoute(
      POST,
      { call: "track" },
      {
        body: { userId: "ip-1", event: "Seen", messageId, ...(ctx ? { context: ctx } : {}) },
        key: t.key,
        headers: { "x-forwarded-for": xff },
      },
    );

  it("takes the address the trusted proxy saw when the SDK sends none, and never one the client wrote", async () => {
    // One trusted hop (the default): the client's own "1.1.1.1" is ignored, the proxy's entry kept.
    expect((await send("ip-a", undefined, "1.1.1.1, 203.0.113.9")).status).toBe(200);
    expect((await eventRow("ip-a")).context).toEqual({ ip: "203.0.113.9" });
    // An ip the SDK sent wins; junk in the header is not an address.
    await send("ip-b", { ip: "198.51.100.1" }, "203.0.113.9");
    expect((await eventRow("ip-b")).context).toEqual({ ip: "198.51.100.1" });
    await send("ip-c", { locale: "en-US" }, "not-an-ip<script>");
    expect((await eventRow("ip-c")).context).toEqual({ locale: "en-US" });
  });
});

describe("forwardedClientIp", () => {
  it("reads the entry `hops` from the right, and nothing with 0 hops", async () => {
    const { forwardedClientIp } = await import("@/lib/rate-limit/client-ip");
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.1, 10.0.0.2" });
    expect(forwardedClientIp(h, 1)).toBe("10.0.0.2");
    expect(forwardedClientIp(h, 2)).toBe("10.0.0.1");
    expect(forwardedClientIp(h, 4)).toBeUndefined();
    expect(forwardedClientIp(h, 0)).toBeUndefined();
    expect(forwardedClientIp(new Headers({ "x-forwarded-for": "2001:db8::1" }), 1)).toBe(
      "2001:db8::1",
    );
  });
});
