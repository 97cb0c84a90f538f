import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findContactIds } from "@/db/queries/campaign-test-sends";
import { normalizePhone } from "@/lib/contacts/phone";
import { ValidationError } from "@/lib/errors";
import type { TRecipient } from "@/lib/messages/send/choose-recipient";
import { sendMessage } from "@/lib/messages/send/send-message";
import { SEND_CHANNELS, type TSendChannel } from "@/lib/channels/types";

export const ZCampaignTestSend = z
  .object({
    channel: z.enum(SEND_CHANNELS),
    /** Each treatment's published version is sent to every recipient, labelled in the origin. */
    treatments: z
      .array(
        z.object({
          label: z.string().trim().min(1).max(40),
          templateId: z.uuid("Choose a template"),
          templateVersion: z.number().int().min(1),
        }),
      )
      .min(1, "Choose a template")
      .max(5),
    /** Email addresses (email) or phone numbers (SMS, voice): sent whatever anyone's opt-outs. */
    addresses: z.array(z.string().trim().min(1).max(320)).max(10).default([]),
    /** Contacts, personalised with their own data, to their own address (their opt-outs hold). */
    contactIds: z.array(z.uuid()).max(10).default([]),
  })
  .refine((v) => v.addresses.length + v.contactIds.length > 0, {
    path: ["addresses"],
    message: "Add an address or a contact to send the test to",
  });
export type TCampaignTestSend = z.infer<typeof ZCampaignTestSend>;

function addressRecipient(channel: TSendChannel, raw: string, i: number): TRecipient {
  if (channel === "email") {
    if (!z.email().safeParse(raw).success)
      throw new ValidationError({ [`addresses.${i}`]: `Not an email address: ${raw}` });
    return { address: raw.toLowerCase() };
  }
  if (channel === "sms" || channel === "voice") {
    const phone = normalizePhone(raw);
    if (!phone)
      throw new ValidationError({
        [`addresses.${i}`]: "A phone number in international format, like +14155550123",
      });
    return { address: phone };
  }
  throw new ValidationError({
    addresses: `Test ${channel} messages go to contacts: pick them instead of typing addresses`,
  });
}

export type TTestSendOutcome = {
  to: string;
  treatment: string;
  status: string;
  reason: string | null;
  messageId: string;
};

/**
 * Test sends from the campaign editor: every treatment to every chosen address and contact,
 * through the one send path as test messages (no tracking, never counted in results or caps).
 * All addresses and contacts are checked before the first message goes.
 */
export async function testSendCampaign(
  workspaceId: string,
  userId: string,
  input: TCampaignTestSend,
): Promise<TTestSendOutcome[]> {
  const recipients = input.addresses.map((a, i) => ({
    to: a,
    recipient: addressRecipient(input.channel, a, i),
  }));
  const known = await findContactIds(workspaceId, input.contactIds);
  input.contactIds.forEach((id, i) => {
    if (!known.has(id))
      throw new ValidationError({ [`contactIds.${i}`]: "No such contact in this workspace" });
  });
  const out: TTestSendOutcome[] = [];
  for (const t of input.treatments) {
    const send = (to: string, contactId: string | null, testRecipient?: TRecipient) =>
      sendMessage({
        workspaceId,
        contactId,
        templateId: t.templateId,
        templateVersion: t.templateVersion,
        idempotencyKey: `test:${randomUUID()}`,
        origin: { kind: "test", userId, campaignTreatment: t.label },
        ...(testRecipient ? { testRecipient } : {}),
      }).then((r) =>
        out.push({
          to,
          treatment: t.label,
          status: r.status,
          reason: r.reason,
          messageId: r.messageId,
        }),
      );
    for (const r of recipients) await send(r.to, null, r.recipient);
    for (const id of input.contactIds) await send(known.get(id)!, id);
  }
  return out;
}
