import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import { describeAuditEntry } from "./describe-audit-entry";

/** The sentence the settings page shows, worded from a catalogue. */
const say = (messages: typeof en, entry: Parameters<typeof describeAuditEntry>[0]) => {
  const t = createTranslator({
    locale: "en",
    messages,
    namespace: "settings.channelsPage.audit",
  });
  const m = describeAuditEntry(entry);
  return t(m.key, m.values);
};

describe("audit entries as sentences", () => {
  it("says where a provider moved and which secrets were entered", () => {
    expect(
      say(en, {
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
      say(en, {
        action: "channel_provider.updated",
        target: "smtp",
        detail: { destinationChanged: [], from: {}, to: {}, secretsEntered: [] },
      }),
    ).toBe("Changed smtp settings");
    expect(
      say(en, {
        action: "channel_provider.created",
        target: "webhook",
        detail: { to: { url: "https://h.test" } },
      }),
    ).toBe("Configured webhook (url https://h.test)");
    expect(say(en, { action: "channel_provider.created", target: "apns", detail: {} })).toBe(
      "Configured apns",
    );
    expect(say(en, { action: "channel_provider.removed", target: "apns", detail: {} })).toBe(
      "Removed apns",
    );
  });

  it("words event stream changes, and shows an unknown action as stored", () => {
    expect(
      say(en, {
        action: "stream_destination.created",
        target: "Warehouse",
        detail: { url: "https://w.test/in" },
      }),
    ).toBe("Added event stream destination Warehouse (url https://w.test/in)");
    expect(say(en, { action: "stream_destination.removed", target: "Warehouse", detail: {} })).toBe(
      "Removed event stream destination Warehouse",
    );
    expect(say(en, { action: "key.rotated", target: "k1", detail: {} })).toBe("key.rotated k1");
  });

  it("reads in Vietnamese with the stored values untouched", () => {
    expect(
      say(vi as typeof en, {
        action: "channel_provider.updated",
        target: "smtp",
        detail: {
          destinationChanged: ["host"],
          from: { host: "a.test" },
          to: { host: "b.test" },
          secretsEntered: [],
        },
      }),
    ).toBe("Đã thay đổi cấu hình smtp; chuyển từ host a.test sang host b.test");
  });
});
