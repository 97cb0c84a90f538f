import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/db/queries/api-keys";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { POST } from "./[call]/route";
import { DELETE, GET } from "./contacts/[userId]/route";
import { callRoute } from "./v1-test-client";

let close: () => Promise<void>;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  a = await makeTenant("Tenant A");
  b = await makeTenant("Tenant B");
});
afterAll(() => close());

const rows = executeRows;
const post = (call: string, body: unknown, key: string | null = a.key) =>
  callRoute(POST, { call }, { body, key });
const eventCount = async (ws: string) =>
  (
    await rows<{ n: number }>(sql`select count(*)::int as n from events where workspace_id = ${ws}`)
  )[0]!.n;

describe("POST /api/v1/identify and /track", () => {
  it("creates a contact, stores an event, and stores a repeated messageId once", async () => {
    const id = await post("identify", {
      userId: "u-1",
      email: "One@Example.com",
      phone: "+14155550101",
      traits: { plan: "pro", seats: 3, trialEnds: "2026-12-01" },
    });
    expect(id).toEqual({ status: 200, json: { success: true, status: "accepted" } });
    const track = {
      userId: "u-1",
      event: "Order Completed",
      properties: { total: 42.5 },
      messageId: "order-1",
      timestamp: "2026-11-01T10:00:00Z",
    };
    expect((await post("track", track)).json).toEqual({ success: true, status: "accepted" });
    expect((await post("track", track)).json).toEqual({ success: true, status: "duplicate" });
    const events = await rows<{ name: string; occurred_at: Date }>(
      sql`select name, occurred_at from events where message_id = 'order-1'`,
    );
    expect(events).toHaveLength(1);

    const profile = await callRoute(GET, { userId: "u-1" }, { method: "GET", key: a.key });
    expect(profile.json).toMatchObject({
      userId: "u-1",
      email: "one@example.com",
      phone: "+14155550101",
      attributes: { plan: "pro", seats: 3, trialEnds: "2026-12-01" },
      channels: {
        email: { reachable: true, status: "subscribed" },
        sms: { reachable: true },
        push: { reachable: false },
      },
      eventCount: 2,
    });
  });

  it("merges later identifies: attributes add up, null removes, fields replace", async () => {
    await post("identify", { userId: "u-2", attributes: { a: 1, b: 2 }, city: "Paris" });
    await post("identify", {
      userId: "u-2",
      attributes: { b: null, c: true },
      city: "Lyon",
      subscriptions: { sms: "unsubscribed" },
    });
    const p = (await callRoute(GET, { userId: "u-2" }, { method: "GET", key: a.key })).json!;
    expect(p.attributes).toEqual({ a: 1, c: true });
    expect(p.city).toBe("Lyon");
    expect(Date.parse(p.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(p.channels.sms).toMatchObject({ status: "unsubscribed", source: "api" });
  });

  it("refuses bad input with the field, and stores nothing", async () => {
    const before = await eventCount(a.workspace.id);
    expect(await post("track", { userId: "u", event: "x", userid: "typo" })).toEqual({
      status: 400,
      json: {
        error: {
          code: "validation_error",
          message: "body: Unknown field: userid",
          fields: { body: "Unknown field: userid" },
        },
      },
    });
    expect(
      (await callRoute(POST, { call: "track" }, { rawBody: "{not json", key: a.key })).json!.error
        .fields,
    ).toEqual({ body: "Body is not valid JSON" });
    expect(
      (await post("identify", { userId: "u", traits: { email: "nope" } })).json!.error.fields,
    ).toEqual({ "traits.email": "must be a valid email address" });
    expect(
      (await post("track", { userId: "u", event: "x", properties: "x".repeat(70_000) })).status,
    ).toBe(413);
    expect((await post("nonsense", { userId: "u" })).status).toBe(404);
    expect(await eventCount(a.workspace.id)).toBe(before);
  });

  it("answers 401 without a key, with a wrong one, and after revocation", async () => {
    expect((await post("track", { userId: "u", event: "x" }, null)).status).toBe(401);
    expect((await post("track", { userId: "u", event: "x" }, "wm_wrong")).status).toBe(401);
    const t = await makeTenant("Revoked");
    await revokeApiKey(t.workspace.id, t.apiKeyId, new Date());
    expect((await post("track", { userId: "u", event: "x" }, t.key)).json).toMatchObject({
      error: { code: "invalid_api_key" },
    });
    expect(await eventCount(t.workspace.id)).toBe(0);
  });

  it("keeps tenants apart: the same userId is two contacts, and one key cannot read the other's", async () => {
    await post("identify", { userId: "shared", email: "a-side@example.com" }, a.key);
    await post("identify", { userId: "shared", email: "b-side@example.com" }, b.key);
    expect(
      (await callRoute(GET, { userId: "shared" }, { method: "GET", key: b.key })).json!.email,
    ).toBe("b-side@example.com");
    expect((await callRoute(GET, { userId: "u-1" }, { method: "GET", key: b.key })).status).toBe(
      404,
    );
    expect(
      (await callRoute(DELETE, { userId: "u-1" }, { method: "DELETE", key: b.key })).status,
    ).toBe(404);
    expect((await callRoute(GET, { userId: "u-1" }, { method: "GET", key: a.key })).status).toBe(
      200,
    );
  });
});

describe("Segment compatibility", () => {
  it("takes an analytics-node batch with the write key as Basic user, and merges the anonymous visitor", async () => {
    const auth = `Basic ${Buffer.from(`${a.key}:`).toString("base64")}`;
    const batch = {
      batch: [
        {
          type: "page",
          anonymousId: "anon-9",
          name: "Pricing",
          messageId: "s-1",
          originalTimestamp: "2026-11-20T09:00:00.000Z",
          context: { library: { name: "analytics-node" } },
        },
        {
          type: "track",
          anonymousId: "anon-9",
          event: "Signup Started",
          messageId: "s-2",
          originalTimestamp: "2026-11-20T09:01:00.000Z",
          properties: {},
        },
        {
          type: "identify",
          userId: "seg-1",
          anonymousId: "anon-9",
          traits: { email: "seg@example.com", name: "Seg" },
          messageId: "s-3",
          originalTimestamp: "2026-11-20T09:02:00.000Z",
        },
        {
          type: "screen",
          userId: "seg-1",
          name: "Home",
          messageId: "s-4",
          originalTimestamp: "2026-11-20T09:03:00.000Z",
        },
      ],
      sentAt: "2026-11-20T09:03:00.000Z",
      context: { timezone: "Europe/Paris" },
    };
    const res = await callRoute(POST, { call: "batch" }, { body: batch, authorization: auth });
    expect(res.json).toMatchObject({ success: true, accepted: 4, duplicates: 0, rejected: 0 });
    const p = (await callRoute(GET, { userId: "seg-1" }, { method: "GET", key: a.key })).json!;
    expect(p).toMatchObject({
      email: "seg@example.com",
      timezone: "Europe/Paris",
      anonymousIds: ["anon-9"],
      attributes: { name: "Seg" },
      eventCount: 4,
    });
    const anonymous = await rows(
      sql`select 1 from contacts where workspace_id = ${a.workspace.id} and external_id is null`,
    );
    expect(anonymous).toHaveLength(0);
  });

  it("merges an anonymous contact into a known one with alias", async () => {
    await post("track", { anonymousId: "anon-alias", event: "Viewed", messageId: "al-1" });
    await post("identify", { userId: "known-1", email: "known@example.com" });
    expect((await post("alias", { previousId: "anon-alias", userId: "known-1" })).json).toEqual({
      success: true,
      status: "accepted",
    });
    const p = (await callRoute(GET, { userId: "known-1" }, { method: "GET", key: a.key })).json!;
    expect(p.anonymousIds).toEqual(["anon-alias"]);
    expect(p.eventCount).toBe(3);
  });

  it("accepts the browser library's one-letter paths and body writeKey", async () => {
    const res = await callRoute(
      POST,
      { call: "t" },
      { body: { userId: "web-1", event: "Clicked", writeKey: a.key }, key: null },
    );
    expect(res.json).toEqual({ success: true, status: "accepted" });
  });
});

describe("POST /api/v1/batch", () => {
  it("stores the valid calls, reports the invalid ones by index and field, all or nothing for the valid", async () => {
    const before = await eventCount(a.workspace.id);
    const res = await post("batch", {
      batch: [
        { type: "identify", userId: "bt-1", email: "bt1@example.com" },
        { type: "track", userId: "bt-1", event: "Added to Cart", messageId: "bt-m1" },
        { type: "track", userId: "bt-1", event: "" },
        { type: "merge", userId: "bt-1", groupId: "g" },
        { type: "track", userId: "bt-2", event: "Added to Cart", messageId: "bt-m1" },
        { type: "identify", userId: "bt-3", phone: "12" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: false,
      accepted: 2,
      duplicates: 1,
      rejected: 3,
      results: [
        { index: 0, status: "accepted" },
        { index: 1, status: "accepted" },
        { index: 2, status: "rejected", field: "batch.2.event", message: "is required" },
        {
          index: 3,
          status: "rejected",
          field: "batch.3.type",
          message: "must be one of identify, track, page, screen, alias, group",
        },
        { index: 4, status: "duplicate" },
        {
          index: 5,
          status: "rejected",
          field: "batch.5.phone",
          message:
            "must be a valid phone number, in E.164 like +14155550100 or national with a country",
        },
      ],
    });
    expect(await eventCount(a.workspace.id)).toBe(before + 2);
    expect(await rows(sql`select 1 from contacts where external_id = 'bt-3'`)).toHaveLength(0);
  });

  it("refuses an empty, oversized or over-long batch outright", async () => {
    expect((await post("batch", { batch: [] })).json!.error.fields).toEqual({
      batch: "must hold at least one call",
    });
    const many = Array.from({ length: 1001 }, (_, i) => ({
      type: "track",
      userId: "x",
      event: "e",
      messageId: `many-${i}`,
    }));
    expect((await post("batch", { batch: many })).json!.error.fields).toEqual({
      batch: "holds at most 1000 calls; split it",
    });
    const huge = Array.from({ length: 900 }, (_, i) => ({
      type: "track",
      userId: "x",
      event: "e",
      properties: { pad: "y".repeat(1500) },
      messageId: `h-${i}`,
    }));
    expect((await post("batch", { batch: huge })).status).toBe(413);
    expect((await post("batch", { batch: [{ type: "track", event: "x" }] })).status).toBe(400);
  });
});

describe("DELETE /api/v1/contacts/{userId}", () => {
  it("erases the contact and every event, alias, device and channel choice", async () => {
    await post("identify", {
      userId: "gone",
      anonymousId: "gone-anon",
      email: "gone@example.com",
      pushTokens: [{ token: "device-token-1", platform: "android" }],
      subscriptions: { all: "unsubscribed" },
    });
    await post("track", { userId: "gone", event: "Something" });
    expect(
      (await callRoute(DELETE, { userId: "gone" }, { method: "DELETE", key: a.key })).status,
    ).toBe(204);
    expect((await callRoute(GET, { userId: "gone" }, { method: "GET", key: a.key })).status).toBe(
      404,
    );
    for (const table of ["events", "contact_aliases", "push_tokens", "channel_subscriptions"]) {
      const left = await rows(
        sql`select 1 from ${sql.raw(table)} t where not exists (select 1 from contacts c where c.id = t.contact_id)`,
      );
      expect(left, table).toHaveLength(0);
    }
    expect(await rows(sql`select 1 from contacts where email = 'gone@example.com'`)).toHaveLength(
      0,
    );
  });

  it("erases the CSV rows rejected with the contact's email or id, and no one else's", async () => {
    await post("identify", { userId: "ex-1", email: "Leaving@Example.com" });
    const importWith = async (workspaceId: string, values: string[][]) => {
      const [imp] = await rows<{ id: string }>(
        sql`insert into contact_imports (workspace_id, file_name, file_bytes, delimiter, header, chunk_count, status)
            values (${workspaceId}, 'people.csv', 10, ',', '["userId","email"]'::jsonb, 0, 'completed') returning id`,
      );
      for (const [i, v] of values.entries())
        await rows(
          sql`insert into contact_import_errors (import_id, workspace_id, row_number, columns, message, "values")
              values (${imp!.id}, ${workspaceId}, ${i + 2}, '["email"]'::jsonb, 'bad', ${JSON.stringify(v)}::jsonb)`,
        );
      return imp!.id;
    };
    const mine = await importWith(a.workspace.id, [
      ["", " leaving@example.com "],
      ["ex-1", "not-an-email"],
      ["someone-else", "other@example.com"],
    ]);
    const theirs = await importWith(b.workspace.id, [["ex-1", "leaving@example.com"]]);
    expect(
      (await callRoute(DELETE, { userId: "ex-1" }, { method: "DELETE", key: a.key })).status,
    ).toBe(204);
    const left = await rows<{ import_id: string; values: string[] }>(
      sql`select import_id, "values" from contact_import_errors where import_id in (${mine}, ${theirs}) order by import_id, row_number`,
    );
    expect(left).toEqual(
      [
        { import_id: mine, values: ["someone-else", "other@example.com"] },
        { import_id: theirs, values: ["ex-1", "leaving@example.com"] },
      ].sort((x, y) => x.import_id.localeCompare(y.import_id)),
    );
  });
});
