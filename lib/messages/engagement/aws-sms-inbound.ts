import { z } from "zod";
import { findContactById } from "@/db/queries/contacts";
import { takeTokens } from "@/db/queries/rate-buckets";
import { deliveringConfig } from "@/lib/channels/create-provider";
import { log } from "@/lib/log/logger";
import { smsHelpReply } from "@/lib/topics/sms-help";
import { loadProviderConfigs, resolveChannelProvider } from "../send/resolve-channel-provider";
import { recordInboundSms } from "./record-inbound-sms";
import { smsKeyword } from "./sms-keywords";

/**
 * A two-way SMS that AWS End User Messaging publishes to SNS when a contact texts one of the
 * workspace's numbers (docs.aws.amazon.com/sms-voice/latest/userguide/two-way-sms-payload.html).
 * `messageKeyword` is the number's registered keyword the text matched (for other texts, an
 * account-level `KEYWORD_<account>`), `previousPublishedMessageId` the id of our SMS it answers.
 */
export const ZAwsInboundSms = z.looseObject({
  originationNumber: z.string().min(3).max(32),
  destinationNumber: z.string().min(1).max(64),
  messageKeyword: z.string().max(64).optional(),
  messageBody: z.string().max(10_000),
  inboundMessageId: z.string().min(1).max(200),
  previousPublishedMessageId: z.string().max(200).optional(),
});
export type TAwsInboundSms = z.infer<typeof ZAwsInboundSms>;

export type TAwsInboundResult = {
  contactId: string | null;
  duplicate: boolean;
  helpReply: "sent" | "failed" | "throttled" | "no_provider" | "answered_by_aws" | null;
};

// One HELP answer per number a minute: a replayed or redelivered SNS message, or someone texting
// HELP in a loop, must not make us (and the workspace's AWS bill) text back each time.
const HELP_PER_NUMBER_PER_SECOND = 1 / 60;

/**
 * STOP/START/HELP and replies through End User Messaging. The keyword is read from the body as
 * for Twilio; when the body is none, the keyword AWS matched counts (AWS matches texts that
 * *begin* with a keyword, and has already applied its own opt-out list for STOP: ours must agree).
 * HELP gets the workspace's help text, sent from the number the contact texted, unless AWS
 * matched the text to the number's own HELP keyword: AWS has then answered it with that keyword's
 * message (HELP is mandatory on every number), and a second answer is one text too many.
 */
export async function handleAwsInboundSms(
  workspaceId: string,
  inbound: TAwsInboundSms,
): Promise<TAwsInboundResult> {
  const body = inbound.messageBody;
  const keyword = smsKeyword(body) ?? smsKeyword(inbound.messageKeyword ?? "");
  const { contactId, duplicate } = await recordInboundSms(workspaceId, {
    from: inbound.originationNumber,
    to: inbound.destinationNumber,
    body,
    keyword,
    eventId: `aws-sms-${inbound.inboundMessageId}`,
    inReplyToProviderId: inbound.previousPublishedMessageId ?? null,
  });
  if (keyword !== "help" || duplicate) return { contactId, duplicate, helpReply: null };
  if (smsKeyword(inbound.messageKeyword ?? "") === "help")
    return { contactId, duplicate, helpReply: "answered_by_aws" };
  return { contactId, duplicate, helpReply: await answerHelp(workspaceId, inbound, contactId) };
}

async function answerHelp(
  workspaceId: string,
  inbound: TAwsInboundSms,
  contactId: string | null,
): Promise<TAwsInboundResult["helpReply"]> {
  const where = { workspaceId, inboundMessageId: inbound.inboundMessageId };
  const loaded = await loadProviderConfigs(workspaceId);
  // The answer must come from the number that was texted, so only End User Messaging can send it.
  if (deliveringConfig("sms", loaded.configs)?.kind !== "aws_sms") {
    log.warn("SMS HELP through End User Messaging not answered: no such provider", where);
    return "no_provider";
  }
  const bucket = `sms-help:${workspaceId}:${inbound.originationNumber}`;
  if (!(await takeTokens(bucket, 1, HELP_PER_NUMBER_PER_SECOND, 1)).granted) return "throttled";
  const provider = await resolveChannelProvider(workspaceId, "sms", "transactional", loaded);
  const locale = contactId
    ? ((await findContactById(workspaceId, contactId))?.locale ?? null)
    : null;
  // The text is already recorded: a failed answer is logged, not retried by failing the delivery
  // (SNS would redeliver, and the redelivery is a duplicate that answers nothing).
  const result = await provider!
    .send({
      channel: "sms",
      messageId: `sms-help:${inbound.inboundMessageId}`,
      to: inbound.originationNumber,
      from: inbound.destinationNumber,
      body: await smsHelpReply(workspaceId, locale),
    })
    .catch((err: unknown) => ({ ok: false as const, reason: (err as Error).message }));
  if (result.ok) return "sent";
  log.warn("SMS HELP answer through End User Messaging failed", { ...where, why: result.reason });
  return "failed";
}
