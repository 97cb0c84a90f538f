import { z } from "zod";
import { db } from "@/db";
import { findMessage, listMessageEvents } from "@/db/queries/messages";
import { NotFoundError } from "@/lib/errors";
import { deliveryStatusOf } from "./pinpoint-status";

/**
 * `GET /api/v1/messages/{id}`: a message of the workspace and its lifecycle (queued, sent,
 * delivered, opened, clicked, bounced…), oldest first. Rendered content stays in the app's
 * message log: an API key that sends need not read what every message said.
 */
export async function readMessageLifecycle(workspaceId: string, messageId: string) {
  if (!z.uuid().safeParse(messageId).success) throw new NotFoundError("No message with this id");
  const m = await findMessage(workspaceId, messageId.toLowerCase(), db());
  if (!m) throw new NotFoundError("No message with this id");
  const events = await listMessageEvents(workspaceId, m.id, db());
  return {
    id: m.id,
    channel: m.channel,
    transactional: m.transactional,
    status: m.status,
    deliveryStatus: deliveryStatusOf(m),
    reason: m.reason,
    recipient: m.recipient,
    provider: m.provider,
    providerMessageId: m.providerMessageId,
    templateId: m.templateId,
    templateVersion: m.templateVersion,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
    openedAt: m.openedAt?.toISOString() ?? null,
    clickedAt: m.clickedAt?.toISOString() ?? null,
    events: events.map((e) => ({
      type: e.type,
      at: e.occurredAt.toISOString(),
      detail: e.detail,
    })),
  };
}
