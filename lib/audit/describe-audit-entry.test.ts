import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "./describe-audit-entry";

describe("audit entries as sentences", () => {
  it("says where a provider moved and which secrets were entered", () => {
    expect(
      describeAuditEntry({
        action: "channel_provider.updated",
        target: "smtp",
        detail: {
          destinationChanged: ["host"],
          from: { host: "smtp.acme.com" },
          to: { host: "mail.acme.com" },
          secretsEntered: ["password"],
        },
      }),
    ).toBe(
      "Changed smtp settings; moved from host smtp.acme.com to host mail.acme.com; new password",
    );
    expect(
      describeAuditEntry({
        action: "channel_provider.created",
        target: "webhook",
        detail: { to: { url: "https://h.test" } },
      }),
    ).toBe("Configured webhook (url https://h.test)");
    expect(
      describeAuditEntry({ action: "channel_provider.removed", target: "apns", detail: {} }),
    ).toBe("Removed apns");
  });
});
