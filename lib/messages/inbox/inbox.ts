import { z } from "zod";
import { db } from "@/db";
import { findMessage, listInboxMessages } from "@/db/queries/messages";
import type { TMessage } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { recordEngagement } from "../engagement/record-engagement";

export const ZInboxAction = z.enum(["seen", "dismissed"]);

function inboxJson(m: TMessage) {
  const c = (m.content ?? {}) as Record<string, unknown>;
  return {
    id: m.id,
    title: c.title ?? "",
    body: c.body ?? "",
    imageUrl: c.imageUrl ?? null,
    buttons: c.buttons ?? [],
    createdAt: m.createdAt,
    seenAt: m.seenAt,
  };
}

/** A contact's in-app inbox: messages delivered to them and not dismissed, newest first. */
export async function readInbox(workspaceId: string, contactId: string, limit = 20) {
  const rows = await listInboxMessages(workspaceId, contactId, limit, db());
  return { messages: rows.map(inboxJson), unseen: rows.filter((m) => !m.seenAt).length };
}

/** Marks one of the contact's own in-app messages seen or dismissed (idempotent). */
export async function actOnInboxMessage(
  workspaceId: string,
  contactId: string,
  messageId: string,
  action: z.infer<typeof ZInboxAction>,
) {
  const message = z.uuid().safeParse(messageId).success
    ? await findMessage(workspaceId, messageId, db())
    : null;
  if (!message || message.contactId !== contactId || message.channel !== "in_app")
    throw new NotFoundError("No such in-app message for this contact");
  // Dismissing something never seen still means it was shown.
  if (action === "dismissed" && !message.seenAt)
    await recordEngagement({ workspaceId, messageId, type: "seen" });
  await recordEngagement({ workspaceId, messageId, type: action });
}
