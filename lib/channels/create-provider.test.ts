import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelProvider, createProvider } from "./create-provider";
import { ZProviderConfig, type TProviderConfig } from "./provider-config";
import { startH2cSink } from "./testing/h2c-sink";
import { startHttpSink, type THttpSink } from "./testing/http-sink";
import { makeP256KeyPair, makeRsaKeyPair } from "./testing/test-keys";
import type { TInAppMessage, TPushMessage } from "./types";

const rsa = makeRsaKeyPair();
const p256 = makeP256KeyPair();

const push = (targets: TPushMessage["targets"]): TPushMessage => ({
  channel: "push",
  messageId: "m",
  targets,
  title: "T",
  body: "B",
  data: {},
});
const inApp: TInAppMessage = {
  channel: "in_app",
  messageId: "m",
  userId: "u1",
  title: "T",
  body: "B",
  buttons: [],
};

describe("choosing a provider", () => {
  let http: THttpSink;
  let h2: Awaited<ReturnType<typeof startH2cSink>>;
  let fcm: TProviderConfig;
  let apns: TProviderConfig;
  beforeAll(async () => {
    http = await startHttpSink({
      respond: (r) =>
        r.path === "/token"
          ? { body: { access_token: "at", expires_in: 3600 } }
          : r.json<{ message: { token: string } }>().message.token === "dead-android"
            ? {
                status: 404,
                body: {
                  error: {
                    status: "NOT_FOUND",
                    message: "gone",
                    details: [{ errorCode: "UNREGISTERED" }],
                  },
                },
              }
            : { body: { name: "fcm-1" } },
    });
    h2 = await startH2cSink({
      respond: (r) =>
        r.path.endsWith("/dead-ios")
          ? { status: 410, body: { reason: "Unregistered" } }
          : { status: 200, headers: { "apns-id": "apns-1" } },
    });
    fcm = ZProviderConfig.parse({
      kind: "fcm",
      baseUrl: http.url,
      serviceAccount: {
        project_id: "p",
        client_email: "e@p.test",
        private_key: rsa.privatePem,
        token_uri: `${http.url}/token`,
      },
    });
    apns = ZProviderConfig.parse({
      kind: "apns",
      baseUrl: h2.url,
      keyId: "K",
      teamId: "T",
      privateKey: p256.privatePem,
      bundleId: "com.acme",
    });
  });
  afterAll(async () => {
    await http.close();
    await h2.close();
  });

  it("routes iOS tokens to APNs and Android/web tokens to FCM, listing dead tokens", async () => {
    const provider = createChannelProvider("push", [fcm, apns])!;
    const result = await provider.send(
      push([
        { platform: "ios", token: "ios-1" },
        { platform: "ios", token: "dead-ios" },
        { platform: "android", token: "dead-android" },
        { platform: "web", token: "web-1" },
      ]),
    );
    await provider.close?.();
    expect(result.ok).toBe(true);
    expect(result.invalidTokens?.sort()).toEqual(["dead-android", "dead-ios"]);
    expect(h2.requests.map((r) => r.path).sort()).toEqual([
      "/3/device/dead-ios",
      "/3/device/ios-1",
    ]);
    expect(http.requests.filter((r) => r.path.includes("messages:send"))).toHaveLength(2);
  });

  it("fails permanently when every device is dead or its platform is not configured", async () => {
    const provider = createChannelProvider("push", [fcm])!;
    const result = await provider.send(
      push([
        { platform: "ios", token: "ios-1" },
        { platform: "android", token: "dead-android" },
      ]),
    );
    await provider.close?.();
    expect(result).toMatchObject({ ok: false, retryable: false, invalidTokens: ["dead-android"] });
    if (!result.ok) expect(result.reason).toMatch(/not configured|no longer valid/);
  });

  it("fails a push to a contact without devices", async () => {
    const provider = createChannelProvider("push", [apns])!;
    expect(await provider.send(push([]))).toMatchObject({
      ok: false,
      retryable: false,
      code: "no_targets",
    });
    await provider.close?.();
  });

  it("falls back to the outbox only where no real provider is configured", () => {
    const outbox = ZProviderConfig.parse({ kind: "outbox" });
    const smtp = ZProviderConfig.parse({ kind: "smtp", host: "127.0.0.1", from: "a@b.test" });
    expect(createChannelProvider("email", [outbox])?.kind).toBe("outbox");
    expect(createChannelProvider("sms", [outbox])?.kind).toBe("outbox");
    expect(createChannelProvider("push", [outbox])?.kind).toBe("outbox");
    const email = createChannelProvider("email", [outbox, smtp]);
    expect(email?.kind).toBe("smtp");
    void email?.close?.();
    expect(createChannelProvider("email", [])).toBeNull();
    expect(createChannelProvider("webhook", [smtp])).toBeNull();
    expect(createChannelProvider("in_app", [])?.kind).toBe("in_app");
  });

  it("acknowledges outbox and in-app messages as delivered without any I/O", async () => {
    expect(await createProvider({ kind: "outbox" }).send(inApp)).toEqual({
      ok: true,
      status: "delivered",
    });
    expect(await createProvider({ kind: "in_app" }).send(inApp)).toEqual({
      ok: true,
      status: "delivered",
    });
  });
});
