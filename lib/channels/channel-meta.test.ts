import { describe, expect, it } from "vitest";
import {
  CHANNEL_OPTIONS,
  channelInSentence,
  channelLabel,
  channelMessageName,
  subscriptionChannelLabel,
} from "./channel-meta";
import { SEND_CHANNELS } from "./types";

describe("channel names", () => {
  it("labels every send channel, in the channels' own order", () => {
    expect(CHANNEL_OPTIONS.map((o) => o.value)).toEqual([...SEND_CHANNELS]);
    expect(CHANNEL_OPTIONS.map((o) => o.label)).toEqual([
      "Email",
      "SMS",
      "Push",
      "Voice",
      "In-app",
      "Webhook",
    ]);
  });

  it("keeps acronyms mid-sentence and shows an unknown value as it is", () => {
    expect(channelInSentence("sms")).toBe("SMS");
    expect(channelInSentence("in_app")).toBe("in-app");
    expect(channelLabel("carrier_pigeon")).toBe("carrier_pigeon");
    expect(channelLabel("toString")).toBe("toString");
  });

  it("names one message of a channel at the start of a name (a send step's default name)", () => {
    expect(SEND_CHANNELS.map(channelMessageName)).toEqual([
      "Email",
      "SMS",
      "Push",
      "Voice call",
      "In-app message",
      "Webhook message",
    ]);
    expect(channelMessageName("carrier_pigeon")).toBe("");
  });

  it("names the opt-out channel `all` in both positions", () => {
    expect(subscriptionChannelLabel("all")).toBe("All channels");
    expect(subscriptionChannelLabel("all", true)).toBe("all channels");
    expect(subscriptionChannelLabel("push", true)).toBe("push");
    expect(subscriptionChannelLabel("push")).toBe("Push");
  });
});
