import { buildSayTwiml } from "./build-twiml";
import type { TTwilioConfig } from "./provider-config";
import { postToTwilio } from "./twilio-request";
import type { ChannelProvider, TVoiceMessage } from "./types";

/** A call that speaks the message once answered, with the TwiML inline (no URL for Twilio to fetch back). */
export function createTwilioVoiceProvider(
  config: TTwilioConfig,
  options: { timeoutMs?: number } = {},
): ChannelProvider<TVoiceMessage> {
  return {
    kind: "twilio",
    send: (message) =>
      postToTwilio(
        config,
        "Calls",
        {
          To: message.to,
          From: message.from || config.fromNumber,
          Twiml: buildSayTwiml(
            message.speech,
            message.voice || config.voice.voice,
            message.language || config.voice.language,
          ),
          StatusCallback: message.statusCallbackUrl,
        },
        options.timeoutMs,
      ),
  };
}
