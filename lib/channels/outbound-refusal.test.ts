import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApnsProvider } from "./apns-provider";
import { createFcmProvider } from "./fcm-provider";
import {
  ZApnsConfig,
  ZFcmConfig,
  ZSmtpConfig,
  ZTwilioConfig,
  ZWebhookConfig,
} from "./provider-config";
import { createSmtpProvider } from "./smtp-provider";
import { startSmtpSink, type TSmtpSink } from "./testing/smtp-sink";
import { makeP256KeyPair, makeRsaKeyPair } from "./testing/test-keys";
import { createTwilioSmsProvider } from "./twilio-sms-provider";
import type { TPushMessage } from "./types";
import { createWebhookProvider } from "./webhook-provider";

/**
 * Every provider goes through the outbound policy: a workspace admin who points one at the
 * metadata service or the server's own network gets a plain, final "destination not allowed"
 * (not retried, and nothing learnt from the network), and no connection is made.
 */
const refused = {
  ok: false,
  retryable: false,
  code: "destination_not_allowed",
  reason: expect.stringMatching(/destination not allowed/),
};

const push: TPushMessage = {
  channel: "push",
  messageId: "m1",
  targets: [{ platform: "ios", token: "a".repeat(64) }],
  title: "t",
  body: "b",
  data: {},
};

describe("providers refuse private destinations", () => {
  it("webhook: the configured URL and a per-message override", async () => {
    const provider = createWebhookProvider(
      ZWebhookConfig.parse({
        kind: "webhook",
        url: "http://169.254.169.254/latest/meta-data/",
        secret: "whsec_0123456789",
      }),
    );
    expect(await provider.send({ channel: "webhook", messageId: "m1", payload: {} })).toMatchObject(
      refused,
    );
    for (const url of [
      "http://[::ffff:a9fe:a9fe]/",
      "http://10.0.0.1:8080/x",
      "http://[fd00:ec2::254]/",
    ])
      expect(
        await provider.send({ channel: "webhook", messageId: "m2", url, payload: {} }),
      ).toMatchObject(refused);
  });

  it("Twilio-compatible base URL", async () => {
    const provider = createTwilioSmsProvider(
      ZTwilioConfig.parse({
        kind: "twilio",
        baseUrl: "http://192.168.1.10:8080",
        accountSid: "AC1",
        authToken: "token-secret",
        fromNumber: "+15550000000",
      }),
    );
    const result = await provider.send({
      channel: "sms",
      messageId: "m1",
      to: "+15551234567",
      body: "hi",
    });
    expect(result).toMatchObject(refused);
    expect(JSON.stringify(result)).not.toContain("192.168");
  });

  it("FCM token_uri and base URL", async () => {
    const { privatePem } = makeRsaKeyPair();
    const account = { project_id: "p", client_email: "a@p.test", private_key: privatePem };
    const viaToken = createFcmProvider(
      ZFcmConfig.parse({
        kind: "fcm",
        serviceAccount: {
          ...account,
          token_uri: "http://169.254.169.254/computeMetadata/v1/token",
        },
      }),
    );
    expect(
      await viaToken.send({ ...push, targets: [{ platform: "android", token: "t" }] }),
    ).toMatchObject(refused);
    const viaBase = createFcmProvider(
      ZFcmConfig.parse({
        kind: "fcm",
        baseUrl: "http://100.64.0.1",
        serviceAccount: { ...account, token_uri: "http://100.64.0.2/token" },
      }),
    );
    expect(
      await viaBase.send({ ...push, targets: [{ platform: "android", token: "t" }] }),
    ).toMatchObject(refused);
  });

  it("APNs base URL", async () => {
    const provider = createApnsProvider(
      ZApnsConfig.parse({
        kind: "apns",
        baseUrl: "https://169.254.169.254",
        keyId: "KEY123",
        teamId: "TEAM42",
        privateKey: makeP256KeyPair().privatePem,
        bundleId: "com.acme.app",
      }),
    );
    expect(await provider.send(push)).toMatchObject(refused);
    await provider.close?.();
  });

  describe("SMTP host", () => {
    let sink: TSmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(() => sink.close());
    const email = {
      channel: "email" as const,
      messageId: "m1",
      to: "a@b.test",
      from: "x@y.test",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
      headers: {},
    };

    it("is refused when not allow-listed, and delivered when it is", async () => {
      const config = ZSmtpConfig.parse({
        kind: "smtp",
        host: "127.0.0.1",
        port: sink.port,
        from: "x@y.test",
      });
      const closed = createSmtpProvider(config, { policy: { allow: [] } });
      expect(await closed.send(email)).toMatchObject(refused);
      await closed.close?.();
      expect(sink.mails).toHaveLength(0);
      // The same sink through the test run's allow-list (127.0.0.1): delivered.
      const open = createSmtpProvider(config);
      expect(await open.send(email)).toMatchObject({ ok: true });
      await open.close?.();
    });

    it("refuses the metadata address in any spelling", async () => {
      for (const host of ["169.254.169.254", "2852039166", "0xa9.0xfe.0xa9.0xfe"]) {
        const p = createSmtpProvider(
          ZSmtpConfig.parse({ kind: "smtp", host, port: 25, from: "x@y.test" }),
        );
        expect(await p.send(email)).toMatchObject(refused);
        await p.close?.();
      }
    });
  });
});
