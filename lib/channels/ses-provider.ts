import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { awsClientConfig, type TAwsClientOptions } from "./aws-client-config";
import { classifyAwsError } from "./aws-errors";
import type { TSesConfig } from "./provider-config";
import type { ChannelProvider, TEmailMessage } from "./types";

/** The SES tag (and End User Messaging context key) lib/deliverability reads the message back from. */
export const MESSAGE_ID_TAG = "waymark-message-id";

const utf8 = (data: string) => ({ Data: data, Charset: "UTF-8" });

/**
 * Email through the SES v2 API. SES builds the MIME from simple content (UTF-8 subject and both
 * bodies), with our headers kept (List-Unsubscribe and its one-click POST among them). The message
 * id travels as an email tag, so SES's event feedback (through a configuration set's SNS
 * destination) names the Waymark message; SES's own id is kept to match it too.
 */
export function createSesProvider(
  config: TSesConfig,
  options: TAwsClientOptions = {},
): ChannelProvider<TEmailMessage> {
  const client = new SESv2Client(awsClientConfig(config, options));
  const defaultFrom = config.fromName ? `${config.fromName} <${config.from}>` : config.from;
  const secrets = [config.secretAccessKey];
  return {
    kind: "ses",
    async send(message) {
      const headers = Object.entries({
        ...message.headers,
        "X-Waymark-Message-Id": message.messageId,
      }).map(([Name, Value]) => ({ Name, Value }));
      const from = message.from || defaultFrom;
      try {
        const out = await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [message.to] },
            ReplyToAddresses: message.replyTo ? [message.replyTo] : undefined,
            Content: {
              Simple: {
                Subject: utf8(message.subject),
                Body: { Html: utf8(message.html), Text: utf8(message.text) },
                Headers: headers,
              },
            },
            ConfigurationSetName: config.configurationSetName || undefined,
            EmailTags: [{ Name: MESSAGE_ID_TAG, Value: message.messageId }],
          }),
        );
        return { ok: true, status: "sent", providerMessageId: out.MessageId, sender: from };
      } catch (err) {
        return classifyAwsError(err, "SES", secrets);
      }
    },
    async close() {
      client.destroy();
    },
  };
}
