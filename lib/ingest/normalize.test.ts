import { describe, expect, it } from "vitest";
import { parseCall } from "./normalize";

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
        profile: {
          email: "ada@example.com",
          phone: "+84912345678",
          timezone: "Asia/Ho_Chi_Minh",
          locale: "vi-VN",
          country: "VN",
          city: "Hanoi",
          attributes: { set: { firstName: "Ada", plan: "pro" }, unset: [] },
          pushTokens: [{ token: "apns-token-123456", platform: "ios" }],
          subscriptions: {},
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
});
