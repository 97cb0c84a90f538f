import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ZWebhookConfig } from "./provider-config";
import { startHttpSink, type THttpSink } from "./testing/http-sink";
import type { TWebhookMessage } from "./types";
import { createWebhookProvider, signWebhook, verifyWebhookSignature } from "./webhook-provider";

const SECRET = "whsec_0123456789abcdef";
const msg: TWebhookMessage = {
  channel: "webhook",
  messageId: "msg-9",
  payload: { contact: { id: "c1" }, text: "hi ünïcode" },
};

describe("webhook provider", () => {
  let sink: THttpSink;
  beforeAll(async () => {
    sink = await startHttpSink();
  });
  afterAll(() => sink.close());
  afterEach(() => sink.reset());
  const provider = (opts = {}) =>
    createWebhookProvider(
      ZWebhookConfig.parse({ kind: "webhook", url: `${sink.url}/hooks/waymark`, secret: SECRET }),
      opts,
    );

  it("posts signed JSON that the receiver can verify", async () => {
    const result = await provider().send(msg);
    expect(result).toMatchObject({ ok: true, status: "sent" });
    const req = sink.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/hooks/waymark");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["waymark-message-id"]).toBe("msg-9");
    expect(req.json()).toEqual({ messageId: "msg-9", payload: msg.payload });
    const header = req.headers["waymark-signature"]!;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(req.body, header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(req.body.replace("c1", "c2"), header, SECRET)).toBe(false);
    expect(verifyWebhookSignature(req.body, header, "another-secret-000")).toBe(false);
  });

  it("sends to the message's own URL when it has one", async () => {
    await provider().send({ ...msg, url: `${sink.url}/custom?x=1` });
    expect(sink.requests[0]!.path).toBe("/custom?x=1");
  });

  it("rejects stale, missing and malformed signatures and accepts any of several v1 values", () => {
    const body = '{"a":1}';
    const now = 1_800_000_000;
    const good = signWebhook(body, SECRET, now);
    expect(verifyWebhookSignature(body, good, SECRET, 300, now + 299)).toBe(true);
    expect(verifyWebhookSignature(body, good, SECRET, 300, now + 301)).toBe(false);
    expect(verifyWebhookSignature(body, null, SECRET)).toBe(false);
    expect(verifyWebhookSignature(body, "t=abc,v1=00", SECRET, 300, now)).toBe(false);
    const rotated = `${good.split(",")[0]},v1=${"0".repeat(64)},${good.split(",")[1]}`;
    expect(verifyWebhookSignature(body, rotated, SECRET, 300, now)).toBe(true);
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [404, false],
    [410, false],
  ])("treats HTTP %i as retryable=%s", async (status, retryable) => {
    sink.respondNext({ status, headers: { "retry-after": "9" } });
    const result = await provider().send(msg);
    expect(result).toMatchObject({ ok: false, retryable, code: String(status) });
    if (!result.ok) expect(result.retryAfterSeconds).toBe(retryable ? 9 : undefined);
  });

  it("treats a timeout as retryable", async () => {
    sink.respondNext({ status: 200, delayMs: 500 });
    expect(await provider({ timeoutMs: 100 }).send(msg)).toMatchObject({
      ok: false,
      retryable: true,
      code: "timeout",
    });
  });

  it("does not follow redirects (a 3xx is a permanent misconfiguration)", async () => {
    sink.respondNext({ status: 302, headers: { location: `${sink.url}/elsewhere` } });
    expect(await provider().send(msg)).toMatchObject({ ok: false, retryable: false, code: "302" });
    expect(sink.requests).toHaveLength(1);
  });
});
