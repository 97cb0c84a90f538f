import { describe, expect, it } from "vitest";
import { combinePushResults } from "./combine-push-results";
import { parseRetryAfter } from "./http-outcome";
import { PROVIDER_KINDS, SECRET_FIELDS, ZProviderConfig } from "./provider-config";

const issuesOf = (input: unknown) => {
  const r = ZProviderConfig.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("provider configs", () => {
  it("fills defaults and trims base URLs", () => {
    expect(
      ZProviderConfig.parse({
        kind: "twilio",
        accountSid: "AC1",
        authToken: "t",
        fromNumber: "+1555",
      }),
    ).toEqual({
      kind: "twilio",
      baseUrl: "https://api.twilio.com",
      accountSid: "AC1",
      authToken: "t",
      fromNumber: "+1555",
      voice: { voice: "Polly.Joanna", language: "en-US" },
    });
    expect(
      ZProviderConfig.parse({
        kind: "fcm",
        baseUrl: "http://127.0.0.1:9/",
        serviceAccount: { project_id: "p", client_email: "e", private_key: "k" },
      }),
    ).toMatchObject({
      baseUrl: "http://127.0.0.1:9",
      serviceAccount: { token_uri: "https://oauth2.googleapis.com/token" },
    });
    expect(
      ZProviderConfig.parse({
        kind: "smtp",
        host: "mail",
        port: "465",
        secure: true,
        from: "a@b.test",
      }),
    ).toMatchObject({ port: 465, secure: true });
  });

  it("names the bad field", () => {
    expect(issuesOf({ kind: "smtp", host: "", from: "a@b.test" })).toEqual(["host: is required"]);
    expect(issuesOf({ kind: "webhook", url: "ftp://x.test/h", secret: "short" })).toEqual([
      "url: must be an http(s) URL",
      "secret: must be at least 16 characters",
    ]);
    expect(
      issuesOf({ kind: "apns", keyId: "K", teamId: "T", bundleId: "b", privateKey: "abc" }),
    ).toEqual(["privateKey: must be the .p8 key in PEM form"]);
    expect(issuesOf({ kind: "fcm", serviceAccount: "{not json" })[0]).toMatch(/^serviceAccount: /);
    expect(
      issuesOf({ kind: "fcm", serviceAccount: { project_id: "p", client_email: "e" } }),
    ).toEqual(["serviceAccount.private_key: Invalid input: expected string, received undefined"]);
    expect(issuesOf({ kind: "pigeon" })[0]).toMatch(/^kind: /);
  });

  it("lists secrets for every kind, and only fields that exist", () => {
    expect(Object.keys(SECRET_FIELDS).sort()).toEqual([...PROVIDER_KINDS].sort());
    expect(SECRET_FIELDS).toMatchObject({
      smtp: ["password"],
      twilio: ["authToken"],
      fcm: ["serviceAccount.private_key"],
      apns: ["privateKey"],
      webhook: ["secret"],
    });
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("combining push results", () => {
  it("is retryable when any device failed for a passing reason, waiting the longest asked", () => {
    expect(
      combinePushResults([
        { ok: false, retryable: false, reason: "dead", code: "UNREGISTERED", invalidTokens: ["a"] },
        { ok: false, retryable: true, reason: "busy", code: "429", retryAfterSeconds: 5 },
        { ok: false, retryable: true, reason: "busy", code: "503", retryAfterSeconds: 20 },
      ]),
    ).toEqual({
      ok: false,
      retryable: true,
      reason: "busy (all 3 devices failed)",
      code: "429",
      retryAfterSeconds: 20,
      invalidTokens: ["a"],
    });
  });
});
