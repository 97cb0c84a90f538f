import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChannelProvider, createProvider } from "./create-provider";
import { ZProviderConfig, type TProviderConfig } from "./provider-config";
import { awsVoiceId } from "./aws-sms-provider";
import { startAwsSink, TEST_AWS_KEY, type TAwsSink } from "./testing/aws-sink";
import type { TEmailMessage, TSmsMessage, TVoiceMessage } from "./types";

const email: TEmailMessage = {
  channel: "email",
  messageId: "7f0c7d7e-4d2b-4a59-9a39-0a3a4b2d9c11",
  to: "ada@example.com",
  from: "",
  subject: "Bonjour · 你好",
  html: "<p>Hi Ada</p>",
  text: "Hi Ada",
  headers: {
    "List-Unsubscribe": "<https://app.test/u/abc>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
};
const sms: TSmsMessage = {
  channel: "sms",
  messageId: "m-sms-1",
  to: "+919800000001",
  body: "OTP 1234",
};
const call: TVoiceMessage = {
  channel: "voice",
  messageId: "m-voice-1",
  to: "+14155550100",
  speech: "<speak>Hello</speak>",
  voice: "Polly.Matthew",
  language: "en-US",
};

describe("AWS senders against a SigV4-checking loopback AWS", () => {
  let aws: TAwsSink;
  beforeAll(async () => {
    aws = await startAwsSink();
  });
  afterAll(() => aws.close());
  afterEach(() => aws.reset());

  const ses = (over: Record<string, unknown> = {}) =>
    ZProviderConfig.parse({
      kind: "ses",
      region: "eu-west-1",
      endpoint: aws.url,
      ...TEST_AWS_KEY,
      from: "hello@acme.test",
      fromName: "Acme",
      configurationSetName: "waymark-events",
      ...over,
    });
  const awsSms = (over: Record<string, unknown> = {}) =>
    ZProviderConfig.parse({
      kind: "aws_sms",
      region: "ap-south-1",
      endpoint: aws.url,
      ...TEST_AWS_KEY,
      originationIdentity: "pool-0123456789abcdef",
      messageType: "PROMOTIONAL",
      configurationSetName: "sms-events",
      dltEntityId: "1101456789012345678",
      dltTemplateId: "1107161234567890123",
      ...over,
    });

  it("sends email with SendEmail: simple content, headers kept, configuration set and the message id tag", async () => {
    const result = await createProvider(ses()).send(email);
    expect(result).toMatchObject({ ok: true, status: "sent" });
    const [callMade] = aws.accepted;
    expect(callMade).toMatchObject({ api: "ses", operation: "SendEmail", region: "eu-west-1" });
    expect(result.ok && result.providerMessageId).toMatch(/^0100-/);
    const input = callMade!.input as {
      FromEmailAddress: string;
      Destination: { ToAddresses: string[] };
      ConfigurationSetName: string;
      EmailTags: { Name: string; Value: string }[];
      Content: {
        Simple: {
          Subject: { Data: string; Charset: string };
          Body: { Html: { Data: string }; Text: { Data: string } };
          Headers: { Name: string; Value: string }[];
        };
      };
    };
    expect(input.FromEmailAddress).toBe("Acme <hello@acme.test>");
    expect(input.Destination.ToAddresses).toEqual(["ada@example.com"]);
    expect(input.ConfigurationSetName).toBe("waymark-events");
    expect(input.EmailTags).toEqual([{ Name: "waymark-message-id", Value: email.messageId }]);
    expect(input.Content.Simple.Subject).toEqual({ Data: "Bonjour · 你好", Charset: "UTF-8" });
    expect(input.Content.Simple.Body.Html.Data).toBe("<p>Hi Ada</p>");
    expect(input.Content.Simple.Headers).toEqual(
      expect.arrayContaining([
        { Name: "List-Unsubscribe", Value: "<https://app.test/u/abc>" },
        { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
        { Name: "X-Waymark-Message-Id", Value: email.messageId },
      ]),
    );
  });

  it("sends SMS with SendTextMessage: origination identity, message type, context and India DLT ids", async () => {
    const result = await createProvider(awsSms()).send(sms);
    expect(result).toMatchObject({ ok: true, status: "sent" });
    expect(aws.accepted[0]).toMatchObject({
      api: "sms-voice",
      operation: "SendTextMessage",
      region: "ap-south-1",
      input: {
        DestinationPhoneNumber: "+919800000001",
        OriginationIdentity: "pool-0123456789abcdef",
        MessageBody: "OTP 1234",
        MessageType: "PROMOTIONAL",
        ConfigurationSetName: "sms-events",
        Context: { "waymark-message-id": "m-sms-1" },
        DestinationCountryParameters: {
          IN_ENTITY_ID: "1101456789012345678",
          IN_TEMPLATE_ID: "1107161234567890123",
        },
      },
    });
  });

  it("calls with SendVoiceMessage, SSML detected and the template's Polly voice mapped", async () => {
    const result = await createProvider(awsSms({ originationIdentity: "+12065550100" })).send(call);
    expect(result).toMatchObject({ ok: true });
    expect(aws.accepted[0]).toMatchObject({
      operation: "SendVoiceMessage",
      input: {
        DestinationPhoneNumber: "+14155550100",
        OriginationIdentity: "+12065550100",
        MessageBody: "<speak>Hello</speak>",
        MessageBodyTextType: "SSML",
        VoiceId: "MATTHEW",
        Context: { "waymark-message-id": "m-voice-1" },
      },
    });
    expect(awsVoiceId("Joanna-Neural", "AMY")).toBe("JOANNA");
    expect(awsVoiceId("alice", "AMY")).toBe("AMY");
  });

  it("maps throttling to a retryable failure, with Retry-After when AWS sends one", async () => {
    aws.failNext(
      {
        status: 429,
        type: "TooManyRequestsException",
        message: "Maximum sending rate exceeded.",
        retryAfter: "3",
      },
      { status: 400, type: "ThrottlingException", message: "Rate exceeded" },
    );
    const first = await createProvider(ses()).send(email);
    expect(first).toMatchObject({ ok: false, retryable: true, code: "TooManyRequestsException" });
    const second = await createProvider(awsSms()).send(sms);
    expect(second).toMatchObject({ ok: false, retryable: true, code: "ThrottlingException" });
  });

  it("maps rejections, a paused account and validation errors to permanent failures", async () => {
    aws.failNext(
      { status: 400, type: "MessageRejected", message: "Email address is not verified." },
      {
        status: 400,
        type: "SendingPausedException",
        message: "Sending is paused for this account.",
      },
      { status: 400, type: "ValidationException", message: "Invalid destination phone number" },
    );
    expect(await createProvider(ses()).send(email)).toMatchObject({
      ok: false,
      retryable: false,
      code: "MessageRejected",
      reason: expect.stringContaining("Email address is not verified"),
    });
    expect(await createProvider(ses()).send(email)).toMatchObject({
      ok: false,
      retryable: false,
      code: "SendingPausedException",
    });
    expect(await createProvider(awsSms()).send(sms)).toMatchObject({
      ok: false,
      retryable: false,
      code: "ValidationException",
    });
  });

  it("retries 5xx, including an answer that is not AWS JSON at all", async () => {
    aws.failNext({ status: 503 }, { status: 500, type: "InternalServerException" });
    expect(await createProvider(ses()).send(email)).toMatchObject({ ok: false, retryable: true });
    expect(await createProvider(awsSms()).send(sms)).toMatchObject({ ok: false, retryable: true });
    expect(aws.accepted).toHaveLength(0);
  });

  it("a wrong secret is refused by the signature check and never retried; the secret is not in the reason", async () => {
    const result = await createProvider(
      ses({ secretAccessKey: "not-the-right-secret-key-000000000000000" }),
    ).send(email);
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      code: "InvalidSignatureException",
    });
    expect(JSON.stringify(result)).not.toContain("not-the-right-secret");
    expect(aws.refused).toHaveLength(1);
    expect(aws.accepted).toHaveLength(0);
  });

  it("a refused destination (not allow-listed) fails without a request", async () => {
    const result = await createProvider(ses({ endpoint: "http://169.254.169.254" })).send(email);
    expect(result).toMatchObject({ ok: false, retryable: false, code: "destination_not_allowed" });
  });

  it("the server's own credentials (default chain) are refused unless the operator lends them", async () => {
    const chain = {
      credentials: "default_chain",
      accessKeyId: undefined,
      secretAccessKey: undefined,
    };
    for (const config of [ses(chain), awsSms(chain)]) {
      const message = config.kind === "ses" ? email : sms;
      const result = await createProvider(config).send(message as never);
      expect(result).toMatchObject({
        ok: false,
        retryable: false,
        code: "DefaultCredentialsRefused",
      });
      expect(JSON.stringify(result)).toContain("WAYMARK_AWS_DEFAULT_CREDENTIALS");
    }
    // Nothing reached AWS, signed or not.
    expect(aws.accepted).toHaveLength(0);
    expect(aws.refused).toHaveLength(0);
  });

  it("an unreachable endpoint is a retryable network failure", async () => {
    const result = await createProvider(ses({ endpoint: "http://127.0.0.1:9" }), {
      timeoutMs: 2000,
    }).send(email);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("routes email to SES and SMS/voice to End User Messaging ahead of SMTP and Twilio", async () => {
    const configs: TProviderConfig[] = [
      ZProviderConfig.parse({ kind: "smtp", host: "smtp.acme.test", from: "a@acme.test" }),
      ZProviderConfig.parse({
        kind: "twilio",
        accountSid: "AC1",
        authToken: "tok",
        fromNumber: "+15550001111",
      }),
      ses(),
      awsSms(),
    ];
    expect(createChannelProvider("email", configs)?.kind).toBe("ses");
    expect(createChannelProvider("sms", configs)?.kind).toBe("aws_sms");
    expect(createChannelProvider("voice", configs)?.kind).toBe("aws_sms");
  });

  it("validates the settings: region form, and a key unless the default chain is chosen", () => {
    const bad = ZProviderConfig.safeParse({
      kind: "ses",
      region: "Europe",
      from: "a@acme.test",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["region", "accessKeyId", "secretAccessKey"]));
    expect(
      ZProviderConfig.safeParse({
        kind: "aws_sms",
        region: "us-east-1",
        credentials: "default_chain",
        originationIdentity: "+12065550100",
      }).success,
    ).toBe(true);
  });
});
