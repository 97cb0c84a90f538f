import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { providerSpecs } from "./provider-fields";
import {
  buildProviderBody,
  fieldError,
  initialValues,
  storedSecrets,
} from "./provider-form-values";

// The forms as the settings page words them in English.
const words = en.channelProviders as Record<string, string>;
const PROVIDER_SPECS = providerSpecs(
  (k) => words[k]!,
  (k) => k in words,
);
const spec = (kind: string) => PROVIDER_SPECS.find((s) => s.kind === kind)!;

describe("provider form values", () => {
  it("starts secrets empty and knows which are stored", () => {
    const fcm = {
      kind: "fcm",
      baseUrl: "https://fcm.googleapis.com",
      serviceAccount: { project_id: "acme", private_key: { set: true } },
    };
    expect(initialValues(spec("fcm"), fcm)).toEqual({
      serviceAccount: "",
      baseUrl: "https://fcm.googleapis.com",
    });
    expect(storedSecrets(spec("fcm"), fcm)).toEqual({ serviceAccount: true });
    expect(storedSecrets(spec("smtp"), null)).toEqual({ password: false });
  });

  it("leaves blank fields out, nests dotted ones and sends switches as booleans", () => {
    const values = {
      ...initialValues(spec("twilio"), null),
      accountSid: " AC1 ",
      fromNumber: "+1415",
      "voice.language": "fr-FR",
    };
    expect(buildProviderBody(spec("twilio"), values)).toEqual({
      accountSid: "AC1",
      fromNumber: "+1415",
      voice: { language: "fr-FR" },
    });
    expect(
      buildProviderBody(spec("apns"), { ...initialValues(spec("apns"), null), sandbox: true }),
    ).toEqual({ sandbox: true });
  });

  it("puts a 400's field errors under the right input, nested ones under their parent", () => {
    const smtp = spec("smtp").fields;
    const port = smtp.find((f) => f.name === "port")!;
    const host = smtp.find((f) => f.name === "host")!;
    expect(fieldError({ port: "Too big: expected number to be <=65535" }, port)).toBe(
      "Too big: expected number to be <=65535",
    );
    expect(fieldError({ host: "is required" }, host)).toBe("Host is required");
    expect(fieldError({ port: "x" }, host)).toBeUndefined();
    const account = spec("fcm").fields.find((f) => f.name === "serviceAccount")!;
    expect(fieldError({ "serviceAccount.project_id": "is required" }, account)).toBe(
      "Service account JSON: project_id is required",
    );
  });
});
