import { createServer, type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ZSmtpConfig } from "./provider-config";
import { createSmtpProvider } from "./smtp-provider";
import { closedPort } from "./testing/free-port";
import { startSmtpSink, type TSmtpSink } from "./testing/smtp-sink";
import type { TEmailMessage } from "./types";

const email = (over: Partial<TEmailMessage> = {}): TEmailMessage => ({
  channel: "email",
  messageId: "msg-1",
  to: "ada@example.com",
  from: "Acme <hello@acme.test>",
  subject: "Welcome, Ada",
  html: "<p>Hello <b>Ada</b></p>",
  text: "Hello Ada",
  headers: {
    "List-Unsubscribe": "<https://app.test/u/abc>, <mailto:unsub@acme.test?subject=abc>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
  ...over,
});

describe("SMTP provider", () => {
  let sink: TSmtpSink;
  const auth = { user: "mailer", pass: "s3cret-pass" };
  beforeAll(async () => {
    sink = await startSmtpSink({ auth });
  });
  afterAll(() => sink.close());
  afterEach(() => sink.reset());

  const provider = () =>
    createSmtpProvider(
      ZSmtpConfig.parse({
        kind: "smtp",
        host: sink.host,
        port: sink.port,
        user: auth.user,
        password: auth.pass,
        from: "default@acme.test",
      }),
    );

  it("delivers html and text parts, the headers given and a Message-ID from the message id", async () => {
    const p = provider();
    const result = await p.send(email());
    await p.close?.();
    expect(result).toMatchObject({
      ok: true,
      status: "sent",
      providerMessageId: "<msg-1@acme.test>",
    });
    const mail = await sink.waitFor((m) => m.subject === "Welcome, Ada");
    expect(mail.to).toEqual(["ada@example.com"]);
    expect(mail.from).toBe("hello@acme.test");
    expect(mail.fromHeader).toBe('"Acme" <hello@acme.test>');
    expect(mail.user).toBe("mailer");
    expect(mail.html).toContain("<b>Ada</b>");
    expect(mail.text.trim()).toBe("Hello Ada");
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.headers["list-unsubscribe"]).toBe(
      "<https://app.test/u/abc>, <mailto:unsub@acme.test?subject=abc>",
    );
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.messageId).toBe("<msg-1@acme.test>");
  });

  it("uses the configured sender and name when the message has none", async () => {
    const p = createSmtpProvider(
      ZSmtpConfig.parse({
        kind: "smtp",
        host: sink.host,
        port: sink.port,
        user: auth.user,
        password: auth.pass,
        from: "news@acme.test",
        fromName: "Acme News",
      }),
    );
    expect((await p.send(email({ from: "" }))).ok).toBe(true);
    await p.close?.();
    const mail = await sink.waitFor();
    expect(mail.fromHeader).toBe('"Acme News" <news@acme.test>');
  });

  it("reuses pooled connections across sends", async () => {
    const p = provider();
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => p.send(email({ messageId: `m${i}`, subject: `n${i}` }))),
    );
    await p.close?.();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sink.mails.map((m) => m.subject).sort()).toEqual(["n1", "n2", "n3", "n4"]);
  });

  it("treats 5xx as permanent with the SMTP code", async () => {
    sink.failNext(1, { code: 550, message: "5.1.1 User unknown" });
    const p = provider();
    const result = await p.send(email());
    await p.close?.();
    expect(result).toMatchObject({ ok: false, retryable: false, code: "550" });
    if (!result.ok) expect(result.reason).toContain("User unknown");
    expect(sink.mails).toHaveLength(0);
  });

  it("treats 4xx as retryable, at RCPT or after DATA, and then delivers", async () => {
    sink.failNext(1, { code: 451, message: "Greylisted, try later" });
    sink.failNext(1, { code: 452, message: "Mailbox full for now", stage: "data" });
    const p = provider();
    const first = await p.send(email());
    const second = await p.send(email());
    const third = await p.send(email());
    await p.close?.();
    expect(first).toMatchObject({ ok: false, retryable: true, code: "451" });
    expect(second).toMatchObject({ ok: false, retryable: true, code: "452" });
    expect(third.ok).toBe(true);
    expect(sink.mails).toHaveLength(1);
  });

  it("treats a wrong password as permanent and never repeats it in the reason", async () => {
    const p = createSmtpProvider(
      ZSmtpConfig.parse({
        kind: "smtp",
        host: sink.host,
        port: sink.port,
        user: "mailer",
        password: "wrong-password",
        from: "a@acme.test",
      }),
    );
    const result = await p.send(email());
    await p.close?.();
    expect(result).toMatchObject({ ok: false, retryable: false, code: "535" });
    expect(JSON.stringify(result)).not.toContain("wrong-password");
  });

  it("treats a refused connection as retryable", async () => {
    const port = await closedPort();
    const p = createSmtpProvider(
      ZSmtpConfig.parse({ kind: "smtp", host: "127.0.0.1", port, from: "a@acme.test" }),
    );
    const result = await p.send(email());
    await p.close?.();
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      code: expect.stringMatching(/^E(SOCKET|CONNECTION|CONNREFUSED)$/),
    });
  });

  it("treats a server that never greets as a retryable timeout", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as AddressInfo).port;
    const p = createSmtpProvider(
      ZSmtpConfig.parse({ kind: "smtp", host: "127.0.0.1", port, from: "a@acme.test" }),
      { timeoutMs: 300 },
    );
    const result = await p.send(email());
    await p.close?.();
    silent.close();
    expect(result).toMatchObject({ ok: false, retryable: true, code: "ETIMEDOUT" });
  });
});
