import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { describeChannelRoutes, OUTBOX_DESTINATION } from "./describe-channel-routes";

const where = (providers: Parameters<typeof describeChannelRoutes>[0]) =>
  Object.fromEntries(
    describeChannelRoutes(providers).map((r) => [
      r.channel,
      `${r.destination} [${r.via.join("+")}]`,
    ]),
  );

const CONFIGURED: Parameters<typeof describeChannelRoutes>[0] = [
  {
    kind: "twilio",
    config: {
      kind: "twilio",
      baseUrl: "http://127.0.0.1:4010",
      fromNumber: "+14155550100",
      authToken: { set: true },
    },
  },
  {
    kind: "fcm",
    config: {
      kind: "fcm",
      serviceAccount: { project_id: "acme-app", private_key: { set: true } },
    },
  },
  {
    kind: "apns",
    config: { kind: "apns", teamId: "TEAM123456", sandbox: false, privateKey: { set: true } },
  },
  {
    kind: "webhook",
    config: {
      kind: "webhook",
      url: "https://hooks.acme.com/waymark?token=abc",
      secret: { set: true },
    },
  },
];

/** What the settings page shows: each part worded from a catalogue, joined. */
const shown = (messages: typeof en, providers: Parameters<typeof describeChannelRoutes>[0]) => {
  const t = createTranslator({ locale: "en", messages, namespace: "settings.channelsPage.route" });
  return Object.fromEntries(
    describeChannelRoutes(providers).map((r) => [
      r.channel,
      r.where.map((p) => t(p.key, p)).join(" + "),
    ]),
  );
};

describe("describeChannelRoutes", () => {
  it("sends every channel but in-app to the outbox when nothing is configured", () => {
    expect(where([])).toEqual({
      email: `${OUTBOX_DESTINATION} [outbox]`,
      sms: `${OUTBOX_DESTINATION} [outbox]`,
      voice: `${OUTBOX_DESTINATION} [outbox]`,
      push: `${OUTBOX_DESTINATION} [outbox]`,
      in_app: "Built-in inbox [in_app]",
      webhook: `${OUTBOX_DESTINATION} [outbox]`,
    });
  });

  it("names each configured provider by its non-secret settings", () => {
    const routes = where(CONFIGURED);
    expect(routes.sms).toBe("Twilio-compatible · +14155550100 via 127.0.0.1:4010 [twilio]");
    expect(routes.voice).toBe(routes.sms);
    expect(routes.push).toBe("FCM project acme-app + APNs team TEAM123456 [fcm+apns]");
    // Only the host: a query string may carry a token.
    expect(routes.webhook).toBe("Webhook to hooks.acme.com [webhook]");
    expect(routes.email).toBe(`${OUTBOX_DESTINATION} [outbox]`);
  });

  it("gives the page codes that read in English exactly as the destination does", () => {
    const sandbox = [{ kind: "apns", config: { kind: "apns", teamId: "T1", sandbox: true } }];
    const smtp = [{ kind: "smtp", config: { kind: "smtp", host: "smtp.acme.com", port: 587 } }];
    const aws = [
      { kind: "ses", config: { kind: "ses", from: "hi@acme.com", region: "eu-west-1" } },
      { kind: "aws_sms", config: { kind: "aws_sms", originationIdentity: "+1206", region: "us" } },
    ];
    for (const providers of [[], CONFIGURED, sandbox, smtp, aws])
      expect(shown(en, providers)).toEqual(
        Object.fromEntries(describeChannelRoutes(providers).map((r) => [r.channel, r.destination])),
      );
    expect(shown(zh as typeof en, CONFIGURED).push).toBe(
      "FCM 项目 acme-app + APNs 团队 TEAM123456",
    );
  });
});
