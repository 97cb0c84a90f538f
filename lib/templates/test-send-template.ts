import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findTemplate } from "@/db/queries/templates";
import { loadSendContact } from "@/db/queries/send-context";
import { normalizePhone } from "@/lib/contacts/phone";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { TRecipient } from "@/lib/messages/send/choose-recipient";
import { sendMessage } from "@/lib/messages/send/send-message";
import { zodFields } from "@/lib/validation/zod-fields";
import { ZTemplateContent } from "./template-content";

export const ZTestSend = z.object({
  /** The editor's current draft; the saved draft when absent. */
  content: z.looseObject({ channel: z.string() }).optional(),
  sampleContactId: z.uuid().optional(),
  /** Email address, phone number or push token; email defaults to the sender's own address. */
  to: z.string().trim().max(4096).optional(),
  platform: z.enum(["ios", "android", "web"]).default("android"),
});

async function recipientFor(
  channel: string,
  input: z.infer<typeof ZTestSend>,
  me: { email: string },
  sampleUserId: string | null,
): Promise<TRecipient> {
  switch (channel) {
    case "email": {
      const to = input.to || me.email;
      if (!z.email().safeParse(to).success)
        throw new ValidationError({ to: "Not an email address" });
      return { address: to.toLowerCase() };
    }
    case "sms":
    case "voice": {
      const phone = input.to ? normalizePhone(input.to) : null;
      if (!phone)
        throw new ValidationError({
          to: "A phone number in international format, like +14155550123",
        });
      return { address: phone };
    }
    case "push":
      if (!input.to) throw new ValidationError({ to: "A device push token" });
      return { address: "1 device", pushTargets: [{ platform: input.platform, token: input.to }] };
    case "in_app":
      // An in-app message lands in a contact's inbox: the sample contact's.
      if (!sampleUserId)
        throw new ValidationError({
          sampleContactId: "Pick a sample contact with a user id: the test lands in their inbox",
        });
      return { address: sampleUserId };
    default:
      return { address: "webhook" };
  }
}

/** Sends the draft once, to the sender (or the address they typed), whatever the sample contact's opt-outs. */
export async function testSendTemplate(
  workspaceId: string,
  templateId: string,
  user: { id: string; email: string },
  input: z.infer<typeof ZTestSend>,
) {
  const template = await findTemplate(workspaceId, templateId);
  if (!template) throw new NotFoundError("No such template in this workspace");
  const parsed = ZTemplateContent.safeParse(input.content ?? template.draft);
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error, "content"));
  if (parsed.data.channel !== template.channel)
    throw new ValidationError({ "content.channel": `This is a ${template.channel} template` });
  const sample = input.sampleContactId
    ? await loadSendContact(workspaceId, input.sampleContactId)
    : null;
  if (input.sampleContactId && !sample)
    throw new ValidationError({ sampleContactId: "No such contact in this workspace" });
  const recipient = await recipientFor(
    template.channel,
    input,
    user,
    sample?.contact.externalId ?? null,
  );
  return sendMessage({
    workspaceId,
    contactId: sample?.contact.id ?? null,
    templateId,
    idempotencyKey: `test:${randomUUID()}`,
    origin: { kind: "test", userId: user.id },
    testRecipient: recipient,
    draftContent: parsed.data,
  });
}
