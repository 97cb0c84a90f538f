import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { ZProviderConfig } from "@/lib/channels/provider-config";
import { awsProviderSpecs, sendRateFields, type TChannelProvidersKey } from "./aws-provider-specs";
import { providerSpecs } from "./provider-fields";
import { buildProviderBody, initialValues } from "./provider-form-values";

const words = en.channelProviders as Record<string, string>;
const t = (k: TChannelProvidersKey) => words[k]!;
const has = (k: string) => k in words;

describe("AWS provider forms", () => {
  const [ses, awsSms] = awsProviderSpecs(t, has);

  it("words every field from the catalogue, selects starting on their first choice", () => {
    expect(ses!.title).toBe("Email · Amazon SES");
    const region = ses!.fields.find((f) => f.name === "region")!;
    expect(region).toMatchObject({ label: "AWS region", placeholder: "us-east-1" });
    expect(initialValues(awsSms!, null)).toMatchObject({
      credentials: "access_key",
      messageType: "TRANSACTIONAL",
    });
    const dlt = awsSms!.fields.find((f) => f.name === "dltEntityId")!;
    expect(dlt.hint).toContain("India");
  });

  it("a filled-in form is a valid config: access key, or the default chain without one", () => {
    const withRate = {
      ...ses!,
      fields: [...ses!.fields, ...sendRateFields(t, has, "ses")],
    };
    const values = {
      ...initialValues(withRate, null),
      region: "eu-west-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret",
      from: "hi@acme.test",
      messagesPerSecond: "14",
      "warmUp.enabled": true,
      "warmUp.startPerDay": "50",
    };
    const parsed = ZProviderConfig.parse({ kind: "ses", ...buildProviderBody(withRate, values) });
    expect(parsed).toMatchObject({
      kind: "ses",
      messagesPerSecond: 14,
      warmUp: { enabled: true, startPerDay: 50, growthFactor: 2 },
    });
    const chain = ZProviderConfig.safeParse({
      kind: "aws_sms",
      ...buildProviderBody(awsSms!, {
        ...initialValues(awsSms!, null),
        region: "us-east-1",
        credentials: "default_chain",
        originationIdentity: "+12065550100",
      }),
    });
    expect(chain.success).toBe(true);
  });

  it("gives SMTP and Twilio a send rate, and only email providers a warm-up plan", () => {
    const names = (kind: string) => sendRateFields(t, has, kind).map((f) => f.name);
    expect(names("twilio")).toEqual(["messagesPerSecond"]);
    expect(names("smtp")).toContain("warmUp.enabled");
    expect(names("fcm")).toEqual([]);
    expect(providerSpecs(t, has).map((s) => s.kind)).not.toContain("ses");
  });
});
