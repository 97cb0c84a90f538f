import { describe, expect, it } from "vitest";
import { channelPanel } from "./channel-panel";

const at = new Date("2026-03-04T23:30:00Z");

describe("channel panel", () => {
  it("shows reach, each channel's own choice with its source and time, and the global switch", () => {
    const panel = channelPanel(
      { email: "a@b.c", phone: null, externalId: "u-1" },
      {
        subscriptions: [
          { channel: "all", status: "unsubscribed", source: "unsubscribe_link", changedAt: at },
          { channel: "sms", status: "unsubscribed", source: "sms_keyword", changedAt: at },
        ],
        pushTokens: [],
      },
      "UTC",
    );
    expect(panel.global).toEqual({
      channel: "all",
      label: "All channels",
      unreachableReason: null,
      status: "unsubscribed",
      lastChange: "Opted out via Unsubscribe link · 4 Mar 2026, 23:30",
    });
    expect(panel.channels.map((c) => [c.channel, c.unreachableReason, c.status])).toEqual([
      ["email", null, "subscribed"],
      ["sms", "no phone number", "unsubscribed"],
      ["push", "no push token", "subscribed"],
      ["voice", "no phone number", "subscribed"],
      ["in_app", null, "subscribed"],
    ]);
    expect(panel.channels[1]!.lastChange).toBe(
      "Opted out via SMS STOP keyword · 4 Mar 2026, 23:30",
    );
    expect(panel.channels[0]!.lastChange).toBe("No choice recorded: subscribed by default");
  });
});
