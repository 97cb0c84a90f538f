import { describe, expect, it } from "vitest";
import { verpAddress } from "@/lib/channels/smtp-provider";
import { waymarkMessageId } from "./feedback-types";
import { normaliseAddress } from "./normalise-address";
import { isSnsUrl } from "./sns/verify-sns-message";

describe("addresses, VERP and SNS URLs", () => {
  it("normalises emails and phone numbers to one spelling", () => {
    expect(normaliseAddress("email", "  <Jane.Doe@Example.COM> ")).toBe("jane.doe@example.com");
    expect(normaliseAddress("email", "not an address")).toBeNull();
    expect(normaliseAddress("sms", "+1 (415) 555-0123")).toBe("+14155550123");
    expect(normaliseAddress("voice", "12")).toBeNull();
  });

  it("a VERP return path names the message, and the id reads back from it", () => {
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const verp = verpAddress("bounces@mail.acme.test", id);
    expect(verp).toBe(`bounces+${id}@mail.acme.test`);
    expect(waymarkMessageId(verp)).toBe(id);
    expect(waymarkMessageId(`<${id.toUpperCase()}@acme.test>`)).toBe(id);
    expect(waymarkMessageId("<abc@acme.test>")).toBeNull();
  });

  it("accepts only SNS's own certificate URLs (and, in tests, the loopback host)", () => {
    expect(
      isSnsUrl("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem", "cert"),
    ).toBe(true);
    expect(
      isSnsUrl("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem", "cert"),
    ).toBe(true);
    expect(isSnsUrl("http://sns.us-east-1.amazonaws.com/x.pem", "cert")).toBe(false);
    expect(isSnsUrl("https://sns.us-east-1.amazonaws.com.evil.test/x.pem", "cert")).toBe(false);
    expect(isSnsUrl("https://evil.test/sns.us-east-1.amazonaws.com/x.pem", "cert")).toBe(false);
    expect(isSnsUrl("https://sns.us-east-1.amazonaws.com/x.txt", "cert")).toBe(false);
    expect(isSnsUrl("https://sns.us-east-1.amazonaws.com:8443/x.pem", "cert")).toBe(false);
    expect(isSnsUrl("https://user@sns.us-east-1.amazonaws.com/x.pem", "cert")).toBe(false);
    // vitest.config.mts names 127.0.0.1 as the test certificate host.
    expect(isSnsUrl("http://127.0.0.1:4000/cert.pem", "cert")).toBe(true);
    expect(isSnsUrl("http://10.0.0.1/cert.pem", "cert")).toBe(false);
  });
});
