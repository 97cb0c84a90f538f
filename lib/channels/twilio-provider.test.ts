import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProvider } from "./create-provider";
import { ZTwilioConfig } from "./provider-config";
import { closedPort } from "./testing/free-port";
import { startHttpSink, type THttpSink } from "./testing/http-sink";
import type { TSmsMessage, TVoiceMessage } from "./types";

const sms: TSmsMessage = {
  channel: "sms",
  messageId: "m1",
  to: "+14155550100",
  body: "Your code is 1234 & more",
  statusCallbackUrl: "https://app.test/hooks/twilio",
};
const call: TVoiceMessage = {
  channel: "voice",
  messageId: "m2",
  to: "+14155550100",
  speech: "Hi <Ada> & co",
  voice: "",
  language: "",
  statusCallbackUrl: undefined,
};

describe("Twilio SMS and voice", () => {
  let sink: THttpSink;
  beforeAll(async () => {
    sink = await startHttpSink({
      respond: () => ({ status: 201, body: { sid: "SM123", status: "queued" } }),
    });
  });
  afterAll(() => sink.close());
  afterEach(() => sink.reset());

  const config = () =>
    ZTwilioConfig.parse({
      kind: "twilio",
      baseUrl: `${sink.url}/`,
      accountSid: "AC42",
      authToken: "tw-auth-token-secret",
      fromNumber: "+15550001111",
      voice: { voice: "Polly.Amy", language: "en-GB" },
    });

  it("posts a form to Messages.json with Basic auth and returns the SID", async () => {
    const result = await createProvider(config()).send(sms);
    expect(result).toEqual({ ok: true, status: "sent", providerMessageId: "SM123" });
    const req = sink.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/2010-04-01/Accounts/AC42/Messages.json");
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(req.headers.authorization).toBe(
      `Basic ${Buffer.from("AC42:tw-auth-token-secret").toString("base64")}`,
    );
    expect(Object.fromEntries(req.form())).toEqual({
      To: "+14155550100",
      From: "+15550001111",
      Body: "Your code is 1234 & more",
      StatusCallback: "https://app.test/hooks/twilio",
    });
  });

  it("uses the message's sender over the configured number", async () => {
    await createProvider(config()).send({ ...sms, from: "ACME" });
    expect(sink.requests[0]!.form().get("From")).toBe("ACME");
  });

  it("places a call with escaped text in inline TwiML, defaulting voice and language", async () => {
    await createProvider(config()).send(call);
    const req = sink.requests[0]!;
    expect(req.path).toBe("/2010-04-01/Accounts/AC42/Calls.json");
    const form = req.form();
    expect(form.get("Twiml")).toBe(
      '<Response><Say voice="Polly.Amy" language="en-GB">Hi &lt;Ada&gt; &amp; co</Say></Response>',
    );
    expect(form.get("To")).toBe("+14155550100");
    expect(form.has("StatusCallback")).toBe(false);
  });

  it("passes SSML's own tags into <Say> and escapes any other markup", async () => {
    const speech =
      '<speak>Hello <break time="1s"/> <emphasis level="strong">Ada</emphasis> &amp; R&D</Say><Dial>+1900</Dial></speak>';
    await createProvider(config()).send({
      ...call,
      speech,
      voice: "Polly.Joanna",
      language: "en-US",
    });
    expect(sink.requests[0]!.form().get("Twiml")).toBe(
      '<Response><Say voice="Polly.Joanna" language="en-US">Hello <break time="1s"/> <emphasis level="strong">Ada</emphasis> &amp; R&amp;D&lt;/Say&gt;&lt;Dial&gt;+1900&lt;/Dial&gt;</Say></Response>',
    );
  });

  it.each([
    [21211, "invalid 'To' number"],
    [21614, "not a mobile number"],
    [21610, "unsubscribed"],
  ])("treats Twilio error %i as permanent", async (code, words) => {
    sink.respondNext({
      status: 400,
      body: { code, message: "The 'To' number +1415 is not valid", status: 400 },
    });
    const result = await createProvider(config()).send(sms);
    expect(result).toMatchObject({ ok: false, retryable: false, code: String(code) });
    if (!result.ok) expect(result.reason).toContain(words);
  });

  it("treats 429 as retryable and honours Retry-After", async () => {
    sink.respondNext({
      status: 429,
      headers: { "retry-after": "17" },
      body: { code: 20429, message: "Too Many Requests" },
    });
    expect(await createProvider(config()).send(sms)).toMatchObject({
      ok: false,
      retryable: true,
      code: "20429",
      retryAfterSeconds: 17,
    });
  });

  it("treats 5xx, even without a JSON body, as retryable", async () => {
    sink.respondNext({ status: 503, body: "<html>down</html>" });
    expect(await createProvider(config()).send(call)).toMatchObject({
      ok: false,
      retryable: true,
      code: "503",
    });
  });

  it("treats 401 as permanent with a clear reason and never the token", async () => {
    sink.respondNext({
      status: 401,
      body: { code: 20003, message: "Authenticate with tw-auth-token-secret failed" },
    });
    const result = await createProvider(config()).send(sms);
    expect(result).toMatchObject({ ok: false, retryable: false, code: "20003" });
    if (!result.ok) expect(result.reason).toMatch(/account SID or auth token/);
    expect(JSON.stringify(result)).not.toContain("tw-auth-token-secret");
  });

  it("treats a slow API as a retryable timeout", async () => {
    sink.respondNext({ status: 201, body: { sid: "late" }, delayMs: 500 });
    const provider = createProvider(config(), { timeoutMs: 100 });
    expect(await provider.send(sms)).toMatchObject({ ok: false, retryable: true, code: "timeout" });
  });

  it("treats an unreachable API as retryable", async () => {
    const provider = createProvider({
      ...config(),
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(await provider.send(sms)).toMatchObject({
      ok: false,
      retryable: true,
      code: "ECONNREFUSED",
    });
  });
});
