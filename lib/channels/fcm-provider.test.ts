import { verify } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFcmProvider } from "./fcm-provider";
import { FCM_SCOPE } from "./google-access-token";
import { ZFcmConfig } from "./provider-config";
import {
  startHttpSink,
  type TRecordedRequest,
  type THttpSink,
  type TSinkResponse,
} from "./testing/http-sink";
import { decodeJwt, makeRsaKeyPair } from "./testing/test-keys";
import type { TPushMessage } from "./types";

const keys = makeRsaKeyPair();
const push = (over: Partial<TPushMessage> = {}): TPushMessage => ({
  channel: "push",
  messageId: "msg-7",
  targets: [{ platform: "android", token: "tok-a" }],
  title: "Sale",
  body: "50% off today",
  imageUrl: "https://cdn.acme.test/sale.png",
  deepLink: "https://acme.test/sale",
  data: { campaign: "spring" },
  ...over,
});

describe("FCM provider", () => {
  let sink: THttpSink;
  /** Per-token answers of the send endpoint; tokens not listed succeed. */
  let sendAnswers: Record<string, TSinkResponse> = {};
  /** Overrides the token endpoint's answer; undefined issues a fresh token. */
  let tokenAnswer: TSinkResponse | undefined;
  let issued = 0;

  beforeAll(async () => {
    sink = await startHttpSink({
      respond: (req: TRecordedRequest) => {
        if (req.path === "/oauth/token")
          return (
            tokenAnswer ?? {
              status: 200,
              body: {
                access_token: `ya29.token-${++issued}`,
                expires_in: 3600,
                token_type: "Bearer",
              },
            }
          );
        const token = req.json<{ message: { token: string } }>().message.token;
        return (
          sendAnswers[token] ?? { status: 200, body: { name: `projects/acme/messages/${token}` } }
        );
      },
    });
  });
  afterAll(() => sink.close());
  afterEach(() => {
    sink.reset();
    sendAnswers = {};
    tokenAnswer = undefined;
  });

  const config = () =>
    ZFcmConfig.parse({
      kind: "fcm",
      baseUrl: sink.url,
      serviceAccount: JSON.stringify({
        type: "service_account",
        project_id: "acme",
        client_email: "push@acme.iam.test",
        private_key: keys.privatePem,
        token_uri: `${sink.url}/oauth/token`,
      }),
    });
  const sends = () => sink.requests.filter((r) => r.path.includes("messages:send"));
  const tokenRequests = () => sink.requests.filter((r) => r.path === "/oauth/token");

  it("exchanges a signed service-account assertion for a token, then sends with it", async () => {
    const result = await createFcmProvider(config()).send(push());
    expect(result).toEqual({
      ok: true,
      status: "sent",
      providerMessageId: "projects/acme/messages/tok-a",
    });

    const form = tokenRequests()[0]!.form();
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const jwt = decodeJwt(form.get("assertion")!);
    expect(jwt.header).toEqual({ alg: "RS256", typ: "JWT" });
    expect(verify("sha256", Buffer.from(jwt.signingInput), keys.publicKey, jwt.signature)).toBe(
      true,
    );
    expect(jwt.claims).toMatchObject({
      iss: "push@acme.iam.test",
      scope: FCM_SCOPE,
      aud: `${sink.url}/oauth/token`,
    });
    expect(Number(jwt.claims.exp) - Number(jwt.claims.iat)).toBe(3600);

    const send = sends()[0]!;
    expect(send.path).toBe("/v1/projects/acme/messages:send");
    expect(send.headers.authorization).toMatch(/^Bearer ya29\.token-\d+$/);
    expect(send.json()).toEqual({
      message: {
        token: "tok-a",
        notification: {
          title: "Sale",
          body: "50% off today",
          image: "https://cdn.acme.test/sale.png",
        },
        data: { campaign: "spring", messageId: "msg-7", deepLink: "https://acme.test/sale" },
        android: { priority: "high" },
        webpush: { fcm_options: { link: "https://acme.test/sale" } },
      },
    });
  });

  it("reuses the access token until near its expiry", async () => {
    let clock = Date.now();
    const provider = createFcmProvider(config(), { now: () => clock });
    await Promise.all([provider.send(push()), provider.send(push())]);
    await provider.send(push());
    expect(tokenRequests()).toHaveLength(1);
    clock += 56 * 60_000;
    await provider.send(push());
    expect(tokenRequests()).toHaveLength(2);
    const bearer = new Set(sends().map((s) => s.headers.authorization));
    expect(bearer.size).toBe(2);
  });

  it("fetches a new token once when FCM says the current one is no good", async () => {
    const provider = createFcmProvider(config());
    await provider.send(push());
    sink.reset();
    sink.respondNext({
      status: 401,
      body: {
        error: {
          code: 401,
          status: "UNAUTHENTICATED",
          message: "Request had invalid authentication credentials.",
        },
      },
    });
    expect((await provider.send(push())).ok).toBe(true);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("reports an UNREGISTERED token as invalid and still delivers to the other device", async () => {
    sendAnswers["tok-dead"] = {
      status: 404,
      body: {
        error: {
          code: 404,
          status: "NOT_FOUND",
          message: "Requested entity was not found.",
          details: [
            {
              "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
              errorCode: "UNREGISTERED",
            },
          ],
        },
      },
    };
    const result = await createFcmProvider(config()).send(
      push({
        targets: [
          { platform: "android", token: "tok-dead" },
          { platform: "web", token: "tok-b" },
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      status: "sent",
      providerMessageId: "projects/acme/messages/tok-b",
      invalidTokens: ["tok-dead"],
    });
  });

  it("treats an INVALID_ARGUMENT token as permanent and invalid", async () => {
    sendAnswers["junk"] = {
      status: 400,
      body: {
        error: {
          code: 400,
          status: "INVALID_ARGUMENT",
          message: "The registration token is not a valid FCM registration token",
        },
      },
    };
    const result = await createFcmProvider(config()).send(
      push({ targets: [{ platform: "android", token: "junk" }] }),
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      code: "INVALID_ARGUMENT",
      invalidTokens: ["junk"],
    });
  });

  it("treats a bad payload as permanent without blaming the token", async () => {
    sendAnswers["tok-a"] = {
      status: 400,
      body: {
        error: {
          code: 400,
          status: "INVALID_ARGUMENT",
          message: "Invalid value at 'message.data[0].value'",
        },
      },
    };
    const result = await createFcmProvider(config()).send(push());
    expect(result).toMatchObject({ ok: false, retryable: false, code: "INVALID_ARGUMENT" });
    expect(result.invalidTokens).toBeUndefined();
  });

  it.each([
    [429, "QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED"],
    [503, "UNAVAILABLE", "UNAVAILABLE"],
    [500, "INTERNAL", "INTERNAL"],
  ])("treats HTTP %i (%s) as retryable with Retry-After", async (status, errorCode, grpcStatus) => {
    sendAnswers["tok-a"] = {
      status,
      headers: { "retry-after": "30" },
      body: {
        error: { code: status, status: grpcStatus, message: "busy", details: [{ errorCode }] },
      },
    };
    expect(await createFcmProvider(config()).send(push())).toMatchObject({
      ok: false,
      retryable: true,
      code: errorCode,
      retryAfterSeconds: 30,
    });
  });

  it("fails permanently when Google rejects the service account, without leaking the key", async () => {
    tokenAnswer = {
      status: 400,
      body: { error: "invalid_grant", error_description: "Invalid JWT Signature." },
    };
    const result = await createFcmProvider(config()).send(push());
    expect(result).toMatchObject({ ok: false, retryable: false, code: "invalid_grant" });
    expect(sends()).toHaveLength(0);
    expect(JSON.stringify(result)).not.toContain("PRIVATE KEY");
  });

  it("fails every send with a clear reason when the key is not a key", async () => {
    const broken = {
      ...config(),
      serviceAccount: {
        ...config().serviceAccount,
        private_key: "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----",
      },
    };
    const result = await createFcmProvider(broken).send(push());
    expect(result).toMatchObject({ ok: false, retryable: false, code: "bad_config" });
    if (!result.ok) expect(result.reason).toContain("serviceAccount.private_key");
    expect(sink.requests).toHaveLength(0);
  });
});
