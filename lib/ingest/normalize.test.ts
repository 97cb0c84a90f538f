import { describe, expect, it } from "vitest";
import { parseCall } from "./normalize";
import { parseBatch } from "./parse-batch";

const now = new Date("2026-11-20T12:00:00Z");

describe("parsing calls", () => {
  it("reads a Segment identify: traits become channels, profile and attributes", () => {
    const r = parseCall(
      "identify",
      {
        type: "identify",
        userId: 42,
        anonymousId: "anon-1",
        messageId: "m-1",
        traits: {
          email: "Ada@Example.com",
          phone: "0912 345 678",
          firstName: "Ada",
          plan: "pro",
          address: { country: "vn", city: "Hanoi" },
        },
        context: {
          timezone: "Asia/Ho_Chi_Minh",
          locale: "vi-VN",
          device: { token: "apns-token-123456", type: "ios" },
          library: { name: "analytics-node" },
        },
        timestamp: "2026-11-19T08:00:00Z",
        integrations: { All: true },
      },
      now,
    );
    expect(r).toEqual({
      ok: true,
      op: {
        kind: "identify",
        userId: "42",
        anonymousId: "anon-1",
        messageId: "m-1",
        occurredAt: new Date("2026-11-19T08:00:00Z"),
        traits: expect.any(Object),
        context: {
          timezone: "Asia/Ho_Chi_Minh",
          locale: "vi-VN",
          device: { type: "ios" },
          library: { name: "analytics-node" },
        },
        deviceTokens: [{ token: "apns-token-123456", platform: "ios" }],
        profile: {
          email: "ada@example.com",
          phone: "+84912345678",
          timezone: undefined,
          locale: undefined,
          fill: { timezone: "Asia/Ho_Chi_Minh", locale: "vi-VN" },
          country: "VN",
          city: "Hanoi",
          attributes: { set: { firstName: "Ada", plan: "pro" }, unset: [] },
          pushTokens: [],
          subscriptions: {},
          topics: {},
        },
      },
    });
  });

  it("reads Waymark's own identify fields, with null removing an attribute", () => {
    const r = parseCall(
      "identify",
      {
        userId: "u1",
        email: "a@b.co",
        attributes: { vip: true, tags: ["a", "b"], old: null },
        subscriptions: { sms: "unsubscribed" },
      },
      now,
    );
    expect(r.ok && r.op.kind === "identify" && r.op.profile).toMatchObject({
      email: "a@b.co",
      attributes: { set: { vip: true, tags: ["a", "b"] }, unset: ["old"] },
      subscriptions: { sms: "unsubscribed" },
    });
  });

  it("corrects device clock skew with sentAt, as Segment does", () => {
    const r = parseCall(
      "track",
      {
        userId: "u",
        event: "Opened",
        originalTimestamp: "2026-11-20T11:00:00Z",
        sentAt: "2026-11-20T11:00:10Z",
      },
      now,
    );
    expect(r.ok && r.op.occurredAt).toEqual(new Date("2026-11-20T11:59:50Z"));
  });

  describe("Segment's libraries: device time in `timestamp`, corrected with `sentAt`", () => {
    const track = (times: Record<string, string>) =>
      parseCall("track", { userId: "u", event: "Opened", ...times }, now);
    const at = (r: ReturnType<typeof parseCall>) => (r.ok ? r.op.occurredAt : r);

    it("moves an event from a phone whose clock runs two days fast back to when it happened", () => {
      // Two days ahead: before the correction this was refused as "more than a day in the future".
      const r = track({ timestamp: "2026-11-22T11:55:00Z", sentAt: "2026-11-22T12:00:00Z" });
      expect(at(r)).toEqual(new Date("2026-11-20T11:55:00Z"));
    });

    it("moves an event from a browser whose clock is a year slow forward", () => {
      const r = track({ timestamp: "2025-11-20T11:59:30Z", sentAt: "2025-11-20T12:00:00Z" });
      expect(at(r)).toEqual(new Date("2026-11-20T11:59:30Z"));
    });

    it("applies a batch's sentAt to its calls, as analytics-node sends it", () => {
      const r = parseBatch(
        {
          batch: [{ type: "track", userId: "u", event: "E", timestamp: "2026-11-20T13:00:00Z" }],
          sentAt: "2026-11-20T13:00:02Z",
        },
        now,
      );
      expect(r.ok && r.items[0]!.ok && r.items[0]!.op.occurredAt).toEqual(
        new Date("2026-11-20T11:59:58Z"),
      );
    });

    it("never dates an event after its receipt when the device says it followed the send", () => {
      const r = track({ timestamp: "2026-11-20T10:00:05Z", sentAt: "2026-11-20T10:00:00Z" });
      expect(at(r)).toEqual(now);
    });

    it("keeps a timestamp already corrected upstream (sent beside originalTimestamp)", () => {
      const r = track({
        timestamp: "2026-11-18T08:00:00Z",
        originalTimestamp: "2026-11-18T09:00:00Z",
        sentAt: "2026-11-18T09:00:10Z",
      });
      expect(at(r)).toEqual(new Date("2026-11-18T08:00:00Z"));
    });

    it("keeps a timestamp sent without sentAt: a historical import", () => {
      expect(at(track({ timestamp: "2024-01-02T03:04:05Z" }))).toEqual(
        new Date("2024-01-02T03:04:05Z"),
      );
    });
  });

  it("gives a call without messageId one of its own and defaults the time to now", () => {
    const r = parseCall("track", { userId: "u", event: "Opened" }, now);
    expect(r.ok && r.op).toMatchObject({
      messageId: expect.stringMatching(/^auto-/),
      occurredAt: now,
    });
  });

  it("turns page and screen calls into $page and $screen events", () => {
    const r = parseCall("screen", { anonymousId: "a", name: "Home", properties: { tab: 1 } }, now);
    expect(r.ok && r.op).toMatchObject({
      kind: "event",
      name: "$screen",
      properties: { tab: 1, name: "Home" },
    });
  });

  it.each([
    ["track", { userId: "u" }, "event", "is required"],
    ["track", { event: "x" }, "userId", "userId or anonymousId is required"],
    ["track", { userId: "u", event: "x", userid: "typo" }, "body", "Unknown field: userid"],
    ["track", { userId: "u", event: "x", properties: [] }, "properties", "must be an object"],
    [
      "track",
      { userId: "u", event: "x", timestamp: "yesterday" },
      "timestamp",
      "must be an ISO 8601 date-time",
    ],
    [
      "track",
      { userId: "u", event: "x", timestamp: "2026-12-01T00:00:00Z" },
      "timestamp",
      "is more than a day in the future",
    ],
    ["track", { userId: "u", event: "$identify" }, "event", "names starting with $ are reserved"],
    ["identify", { userId: "u", email: "nope" }, "email", "must be a valid email address"],
    [
      "identify",
      { userId: "u", traits: { email: "nope" } },
      "traits.email",
      "must be a valid email address",
    ],
    [
      "identify",
      { userId: "u", phone: "12" },
      "phone",
      "must be a valid phone number, in E.164 like +14155550100 or national with a country",
    ],
    [
      "identify",
      { userId: "u", timezone: "Mars/Base" },
      "timezone",
      "must be an IANA time zone like Europe/Paris",
    ],
    [
      "identify",
      { userId: "u", attributes: { $x: 1 } },
      "attributes.$x",
      "attribute names cannot start with $",
    ],
    [
      "identify",
      { userId: "u", pushTokens: [{ token: "abcdefghij", platform: "symbian" }] },
      "pushTokens.0.platform",
      "must be ios, android or web",
    ],
    ["identify", { userId: "", traits: {} }, "userId", "cannot be empty"],
    ["alias", { userId: "u" }, "previousId", "is required"],
    [
      "track",
      { userId: "u", event: "x", properties: { list: ["ok", "bad\u0000"] } },
      "properties.list.1",
      "must not contain the NUL character (\\u0000)",
    ],
  ] as const)("refuses %s %j at %s", (type, body, field, message) => {
    expect(parseCall(type, body, now)).toEqual({ ok: false, field, message });
  });

  it("keeps the context fields people look for on the event, and the push token from any call", () => {
    const context = {
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0",
      locale: "en-GB",
      timezone: "Europe/London",
      app: { name: "Shop", version: "4.2.0", build: "420" },
      os: { name: "Android", version: "15" },
      device: { token: "fcm-token-abcdef", type: "android", model: "Pixel 9" },
      campaign: { source: "newsletter", medium: "email", name: "winter", term: "x", content: "y" },
      page: { path: "/cart", url: "https://shop.example/cart", referrer: "https://mail.example" },
      library: { name: "analytics-kotlin", version: "1.0" },
      traits: { email: "kept-out@example.com" },
      network: { wifi: true },
      location: { city: "Leeds" },
    };
    const r = parseCall("track", { userId: "u", event: "Cart Viewed", context }, now);
    expect(r.ok && r.op).toMatchObject({
      context: {
        ip: "203.0.113.9",
        userAgent: "Mozilla/5.0",
        locale: "en-GB",
        timezone: "Europe/London",
        app: context.app,
        os: context.os,
        device: { type: "android", model: "Pixel 9" },
        campaign: context.campaign,
        page: context.page,
        library: context.library,
      },
      deviceTokens: [{ token: "fcm-token-abcdef", platform: "android" }],
    });
    const kept = r.ok ? r.op.context! : {};
    expect(Object.keys(kept)).not.toContain("traits");
    expect(Object.keys(kept)).not.toContain("network");
    expect(JSON.stringify(kept)).not.toContain("fcm-token");

    const private_ = parseCall("track", { userId: "u", event: "E", context }, now, {
      dropIp: true,
    });
    expect(private_.ok && private_.op.context).not.toHaveProperty("ip");
    expect(private_.ok && private_.op.context).toHaveProperty("userAgent", "Mozilla/5.0");
  });

  it("never lets a context carry nested payloads or huge strings onto every event", () => {
    const r = parseCall(
      "track",
      {
        userId: "u",
        event: "E",
        context: { app: { name: "x".repeat(5000), nested: { deep: 1 } }, page: "not-an-object" },
      },
      now,
    );
    expect(r.ok && r.op.context).toEqual({ app: { name: "x".repeat(1000) } });
  });
});
