import {
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  SendVoiceMessageCommand,
  VoiceId,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { awsClientConfig, type TAwsClientOptions } from "./aws-client-config";
import { classifyAwsError } from "./aws-errors";
import type { TAwsSmsConfig } from "./provider-config";
import { MESSAGE_ID_TAG } from "./ses-provider";
import type { ChannelProvider, TSmsMessage, TVoiceMessage } from "./types";

const VOICES = new Set<string>(Object.values(VoiceId));

/**
 * End User Messaging names Polly voices in capitals (`JOANNA`); templates may say `Polly.Joanna`
 * or `Joanna-Neural` as Twilio does. A voice it does not know falls back to the configured one.
 */
export function awsVoiceId(voice: string | undefined, fallback: string): string {
  const name = (voice ?? "")
    .replace(/^Polly\./i, "")
    .replace(/-(Neural|Standard|Generative)$/i, "")
    .toUpperCase();
  return VOICES.has(name) ? name : fallback;
}

/**
 * SMS and voice through AWS End User Messaging (pinpoint-sms-voice-v2). The message id goes in
 * the context, which End User Messaging copies into every event it publishes, so SMS feedback
 * (SNS → lib/deliverability) names the Waymark message. India's DLT ids go with every SMS when set.
 */
export function createAwsSmsProvider(
  config: TAwsSmsConfig,
  options: TAwsClientOptions = {},
): ChannelProvider<TSmsMessage | TVoiceMessage> {
  const client = new PinpointSMSVoiceV2Client(awsClientConfig(config, options));
  const secrets = [config.secretAccessKey];
  const common = (message: TSmsMessage | TVoiceMessage) => ({
    DestinationPhoneNumber: message.to,
    OriginationIdentity: message.from || config.originationIdentity,
    ConfigurationSetName: config.configurationSetName || undefined,
    Context: { [MESSAGE_ID_TAG]: message.messageId },
  });
  const dlt =
    config.dltEntityId || config.dltTemplateId
      ? {
          DestinationCountryParameters: {
            ...(config.dltEntityId ? { IN_ENTITY_ID: config.dltEntityId } : {}),
            ...(config.dltTemplateId ? { IN_TEMPLATE_ID: config.dltTemplateId } : {}),
          },
        }
      : {};
  return {
    kind: "aws_sms",
    async send(message) {
      try {
        const out =
          message.channel === "sms"
            ? await client.send(
                new SendTextMessageCommand({
                  ...common(message),
                  MessageBody: message.body,
                  MessageType: config.messageType,
                  ...dlt,
                }),
              )
            : await client.send(
                new SendVoiceMessageCommand({
                  ...common(message),
                  MessageBody: message.speech,
                  MessageBodyTextType: /^\s*<speak[\s>]/i.test(message.speech) ? "SSML" : "TEXT",
                  VoiceId: awsVoiceId(message.voice, config.voiceId) as VoiceId,
                }),
              );
        return { ok: true, status: "sent", providerMessageId: out.MessageId };
      } catch (err) {
        return classifyAwsError(err, "AWS End User Messaging", secrets);
      }
    },
    async close() {
      client.destroy();
    },
  };
}
