import type { TTwilioConfig } from "./provider-config";
import { postToTwilio } from "./twilio-request";
import type { ChannelProvider, TSmsMessage } from "./types";

/** SMS through a Twilio-compatible Messages API; the SID it returns matches later status callbacks. */
export function createTwilioSmsProvider(
  config: TTwilioConfig,
  options: { timeoutMs?: number } = {},
): ChannelProvider<TSmsMessage> {
  return {
    kind: "twilio",
    send: (message) =>
      postToTwilio(
        config,
        "Messages",
        {
          To: message.to,
          From: message.from || config.fromNumber,
          Body: message.body,
          StatusCallback: message.statusCallbackUrl,
        },
        options.timeoutMs,
      ),
  };
}
