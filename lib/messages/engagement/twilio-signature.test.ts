import { describe, expect, it } from "vitest";
import { twilioSignature, verifyTwilioSignature } from "./twilio-signature";

describe("Twilio request signatures", () => {
  // The worked example in Twilio's security docs and twilio-node's own tests.
  it("matches Twilio's documented example", () => {
    const params = {
      CallSid: "CA1234567890ABCDE",
      Caller: "+12349013030",
      Digits: "1234",
      From: "+12349013030",
      To: "+18005551212",
    };
    expect(twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params)).toBe(
      "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
    );
  });

  it("refuses a changed parameter or another token", () => {
    const params = { From: "+14155550100", Body: "STOP" };
    const sig = twilioSignature("token-a", "https://x.test/hook", params);
    expect(verifyTwilioSignature("token-a", "https://x.test/hook", params, sig)).toBe(true);
    expect(
      verifyTwilioSignature("token-a", "https://x.test/hook", { ...params, Body: "START" }, sig),
    ).toBe(false);
    expect(verifyTwilioSignature("token-b", "https://x.test/hook", params, sig)).toBe(false);
    expect(verifyTwilioSignature("token-a", "https://x.test/hook", params, null)).toBe(false);
  });
});
