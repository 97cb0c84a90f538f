import { verify } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApnsProvider } from "./apns-provider";
import { apnsBaseUrl, ZApnsConfig } from "./provider-config";
import { closedPort } from "./testing/free-port";
import { startH2cSink } from "./testing/h2c-sink";
import { decodeJwt, makeP256KeyPair } from "./testing/test-keys";
import type { TPushMessage } from "./types";

const keys = makeP256KeyPair();
const push = (over: Partial<TPushMessage> = {}): TPushMessage => ({
  channel: "push",
  messageId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
  targets: [{ platform: "ios", token: "a1b2c3" }],
  title: "Sale",
  body: "50% off",
  imageUrl: "https://cdn.acme.test/sale.png",
  deepLink: "acme://sale",
  data: { campaign: "spring", aps: "must not clobber aps" },
  ...over,
});

describe("APNs provider", () => {
  let sink: Awaited<ReturnType<typeof startH2cSink>>;
  beforeAll(async () => {
    sink = await startH2cSink({
      respond: () => ({
        status: 200,
        headers: { "apns-id": "11111111-2222-3333-4444-555555555555" },
      }),
    });
  });
  afterAll(() => sink.close());
  afterEach(() => sink.reset());

  const config = () =>
    ZApnsConfig.parse({
      kind: "apns",
      baseUrl: sink.url,
      keyId: "KEY123",
      teamId: "TEAM42",
      privateKey: keys.privatePem,
      bundleId: "com.acme.app",
    });

  it("posts the alert over HTTP/2 with topic, push type, priority and a verifiable ES256 token", async () => {
    const provider = createApnsProvider(config());
    const result = await provider.send(push());
    await provider.close?.();
    expect(result).toEqual({
      ok: true,
      status: "sent",
      providerMessageId: "11111111-2222-3333-4444-555555555555",
    });
    const req = sink.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/3/device/a1b2c3");
    expect(req.headers).toMatchObject({
      "apns-topic": "com.acme.app",
      "apns-push-type": "alert",
      "apns-priority": "10",
      "apns-id": "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
    });
    const jwt = decodeJwt(req.headers.authorization!.replace(/^bearer /, ""));
    expect(jwt.header).toEqual({ alg: "ES256", typ: "JWT", kid: "KEY123" });
    expect(jwt.claims).toEqual({ iss: "TEAM42", iat: expect.any(Number) });
    expect(jwt.signature).toHaveLength(64);
    expect(
      verify(
        "sha256",
        Buffer.from(jwt.signingInput),
        { key: keys.publicKey, dsaEncoding: "ieee-p1363" },
        jwt.signature,
      ),
    ).toBe(true);
    expect(req.json()).toEqual({
      aps: { alert: { title: "Sale", body: "50% off" }, sound: "default", "mutable-content": 1 },
      campaign: "spring",
      messageId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
      deepLink: "acme://sale",
      imageUrl: "https://cdn.acme.test/sale.png",
    });
  });

  it("keeps one connection and one provider token for many pushes, renewing the token after 50 minutes", async () => {
    let clock = Date.now();
    const provider = createApnsProvider(config(), { now: () => clock });
    const sessionsBefore = sink.sessions();
    await provider.send(
      push({
        messageId: "m1",
        imageUrl: undefined,
        targets: [1, 2, 3].map((i) => ({ platform: "ios" as const, token: `t${i}` })),
      }),
    );
    await provider.send(push({ messageId: "m2" }));
    clock += 51 * 60_000;
    await provider.send(push({ messageId: "m3" }));
    await provider.close?.();
    expect(sink.sessions() - sessionsBefore).toBe(1);
    const auths = sink.requests.map((r) => r.headers.authorization);
    expect(new Set(auths.slice(0, 4)).size).toBe(1);
    expect(auths[4]).not.toBe(auths[0]);
    expect(sink.requests[0]!.headers["apns-id"]).toBeUndefined();
    expect(
      sink.requests[0]!.json<{ aps: Record<string, unknown> }>().aps["mutable-content"],
    ).toBeUndefined();
  });

  it.each([
    [410, "Unregistered"],
    [400, "BadDeviceToken"],
  ])("reports HTTP %i %s as an invalid token", async (status, reason) => {
    sink.respondNext({ status, body: { reason } });
    const provider = createApnsProvider(config());
    const result = await provider.send(push());
    await provider.close?.();
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      code: reason,
      invalidTokens: ["a1b2c3"],
    });
  });

  it.each([
    [429, "TooManyRequests"],
    [500, "InternalServerError"],
    [503, "ServiceUnavailable"],
  ])("treats HTTP %i %s as retryable", async (status, reason) => {
    sink.respondNext({ status, headers: { "retry-after": "12" }, body: { reason } });
    const provider = createApnsProvider(config());
    const result = await provider.send(push());
    await provider.close?.();
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      code: reason,
      retryAfterSeconds: 12,
    });
  });

  it("signs a fresh token once when APNs says the token expired", async () => {
    sink.respondNext({ status: 403, body: { reason: "ExpiredProviderToken" } });
    const provider = createApnsProvider(config());
    const result = await provider.send(push());
    await provider.close?.();
    expect(result.ok).toBe(true);
    expect(sink.requests).toHaveLength(2);
  });

  it("treats a rejected signing key as permanent and blames the settings", async () => {
    sink.respondNext({ status: 403, body: { reason: "InvalidProviderToken" } });
    const provider = createApnsProvider(config());
    const result = await provider.send(push());
    await provider.close?.();
    expect(result).toMatchObject({ ok: false, retryable: false, code: "InvalidProviderToken" });
    if (!result.ok) expect(result.reason).toMatch(/key id, team id/);
  });

  it("times out a silent server as retryable and an absent one as unreachable", async () => {
    sink.respondNext({ status: 200, delayMs: 600 });
    const slow = createApnsProvider(config(), { timeoutMs: 100 });
    expect(await slow.send(push())).toMatchObject({ ok: false, retryable: true, code: "timeout" });
    await slow.close?.();
    const gone = createApnsProvider({
      ...config(),
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(await gone.send(push())).toMatchObject({ ok: false, retryable: true });
    await gone.close?.();
  });

  it("picks Apple's sandbox host unless a base URL is given", () => {
    const base = {
      kind: "apns",
      keyId: "K",
      teamId: "T",
      privateKey: keys.privatePem,
      bundleId: "b",
    };
    expect(apnsBaseUrl(ZApnsConfig.parse(base))).toBe("https://api.push.apple.com");
    expect(apnsBaseUrl(ZApnsConfig.parse({ ...base, sandbox: true }))).toBe(
      "https://api.sandbox.push.apple.com",
    );
  });
});
