import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { insertMessagesOnce, type TNewMessage } from "@/db/queries/campaign-messages";
import { findMessageByKey } from "@/db/queries/messages";
import { findPublishedTemplateVersion, loadSendContact } from "@/db/queries/send-context";
import { findTemplate } from "@/db/queries/templates";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { getCompiledTemplate } from "@/lib/templates/compiled-template-cache";
import type { TRenderEvent } from "@/lib/templates/render-context";
import { compileTemplate } from "@/lib/templates/render-message";
import type { TTemplateContent } from "@/lib/templates/template-content";
import { suppressionOf } from "@/lib/deliverability/check-suppression";
import { sendTopic, topicOptOuts } from "@/lib/topics/check-topic";
import { campaignDefaultsOf } from "@/lib/campaigns/campaign-limits";
import { chooseRecipient, type TRecipient } from "./choose-recipient";
import { composeMessage } from "./compose-message";
import { capSourceOf, cappedContacts, FREQUENCY_CAP_REASON } from "./frequency-cap";
import { deliverClaimed, deliverMessage, outcomeOf, type TSendOutcome } from "./deliver-message";

export type TSendRequest = {
  workspaceId: string;
  /** Null only for a test send without a sample contact. */
  contactId: string | null;
  templateId: string;
  /** The latest published version when absent. */
  templateVersion?: number;
  /** The same key twice makes one message and one provider call: journeys use `<runId>:<nodeId>`. */
  idempotencyKey: string;
  origin: { kind: "journey" | "campaign" | "test" | "api"; [key: string]: unknown };
  /** The event that triggered the send, for `{{ event.properties.… }}`. */
  event?: TRenderEvent | null;
  /** A test send: goes here instead of to the contact, whatever their opt-outs. */
  testRecipient?: TRecipient;
  /** A test send of the editor's unpublished draft (the message records no version). */
  draftContent?: TTemplateContent;
  /** The subscription topic when not the template's (a campaign's own); null: none. */
  topicId?: string | null;
  /** The moment the frequency cap counts back from (a journey's clock); now when absent. */
  now?: Date;
};

export { messageLinkOrigin } from "./compose-message";

/**
 * The one way a message leaves Waymark. Renders the template version for the contact, refuses
 * (and records why) when the contact cannot or must not get it, stores the rendered message under
 * its idempotency key, then delivers it. Calling again with the same key returns the first result
 * (or retries a delivery that failed retryably), never a second message.
 */
export async function sendMessage(req: TSendRequest): Promise<TSendOutcome> {
  const ws = req.workspaceId;
  // A retry usually finds its message: no need to render again.
  const earlier = await findMessageByKey(ws, req.idempotencyKey, db());
  if (earlier)
    return earlier.status === "queued" || earlier.status === "sending"
      ? deliverMessage(earlier, true)
      : outcomeOf(earlier, true);

  const messageId = randomUUID();
  const isTest = req.origin.kind === "test";
  const base = {
    id: messageId,
    workspaceId: ws,
    contactId: req.contactId,
    idempotencyKey: req.idempotencyKey,
    templateId: req.templateId,
    origin: req.origin,
    isTest,
  };

  const template = req.draftContent
    ? await draftTemplate(ws, req.templateId, req.draftContent)
    : await findPublishedTemplateVersion(ws, req.templateId, req.templateVersion);
  if (!template)
    return skip(
      { ...base, channel: "email", templateId: null },
      "the template has no published version",
    );
  const withTemplate = { ...base, channel: template.channel, templateVersion: template.version };

  const loaded = req.contactId ? await loadSendContact(ws, req.contactId) : null;
  if (req.contactId && !loaded)
    return skip({ ...withTemplate, contactId: null }, "the contact no longer exists");
  let recipient = req.testRecipient ?? null;
  if (!recipient) {
    if (!loaded) return skip(withTemplate, "no recipient");
    const chosen = chooseRecipient(template.channel, loaded.contact, loaded);
    if (!chosen.ok) return skip(withTemplate, chosen.reason);
    recipient = chosen.recipient;
  }
  // Beside the opt-out check, for every send (a test send too: a bounced inbox hurts the sender
  // whoever asked for the message).
  const suppressed = await suppressionOf(ws, template.channel, recipient.address);
  if (suppressed) return skip(withTemplate, suppressed, recipient.address);
  // And the subscription topic, for marketing to a contact (a transactional send ignores topics).
  const topic =
    req.origin.transactional === true
      ? null
      : await sendTopic(
          ws,
          req.topicId === undefined ? template.topicId : req.topicId,
          template.channel,
        );
  if (topic && loaded && !req.testRecipient) {
    const out = await topicOptOuts(ws, topic, [loaded.contact.id]);
    const reason = out.get(loaded.contact.id);
    if (reason) return skip(withTopic(withTemplate, topic.id), reason, recipient.address);
  }
  // The global frequency cap (the workspace's Settings → Campaigns limits), for a journey's send as
  // for a campaign's batch: the same decision, over the same marketing messages.
  const source = req.testRecipient ? null : capSourceOf(req.origin);
  if (source && loaded) {
    const limits = await campaignDefaultsOf(ws);
    const id = loaded.contact.id;
    const capped = await cappedContacts(ws, source, limits, [id], req.now ?? new Date());
    if (capped.has(id))
      return skip(withTopic(withTemplate, topic?.id), FREQUENCY_CAP_REASON, recipient.address);
  }

  const versionContent = template.content as TTemplateContent;
  const compiled =
    template.version === null
      ? await compileTemplate(versionContent)
      : await getCompiledTemplate(`${template.templateId}:${template.version}`, versionContent);
  const contact = loaded?.contact ?? {
    externalId: null,
    email: null,
    phone: null,
    timezone: null,
    locale: null,
    country: null,
    city: null,
    attributes: {},
  };
  const composed = composeMessage({
    messageId,
    workspaceId: ws,
    compiled,
    context: {
      contact,
      event: req.event,
      accounts: loaded?.accounts,
      workspace: { name: template.workspaceName, timezone: template.workspaceTimezone },
    },
    recipient,
    tracked: !isTest,
    marketing: req.origin.transactional !== true,
  });
  const rendered = {
    ...withTopic(withTemplate, topic?.id),
    templateLocale: composed.templateLocale,
  };
  if (!composed.ok) return skip(rendered, composed.reason, recipient.address);
  const content = composed.content;
  // Stored already claimed (`sending`, first attempt) with its `queued` event, in one statement;
  // the provider is called only by the attempt whose insert made the row.
  const row = {
    ...rendered,
    status: "sending" as const,
    sendingSince: new Date(),
    attempts: 1,
    recipient: recipient.address,
    content: content as unknown as Record<string, unknown>,
  };
  const { created, existing } = await insertMessagesOnce(
    ws,
    [row],
    {
      events: [{ workspaceId: ws, messageId, type: "queued", detail: {}, occurredAt: new Date() }],
    },
    db(),
  );
  if (created.has(messageId)) return deliverClaimed(row, false);
  // A concurrent attempt of the same key made it first: that one sends, or has.
  const message = existing[0]!;
  if (message.status !== "queued" && message.status !== "sending") return outcomeOf(message, true);
  return deliverMessage(message, true);
}

/** Records a message that is not sent and why (one statement, with its `skipped` event). */
async function skip(row: TSkipped, reason: string, recipient?: string): Promise<TSendOutcome> {
  const { created, existing } = await insertMessagesOnce(
    row.workspaceId,
    [{ ...row, status: "skipped", reason, recipient: recipient ?? null }],
    {
      events: [
        {
          workspaceId: row.workspaceId,
          messageId: row.id,
          type: "skipped",
          detail: { reason },
          occurredAt: new Date(),
        },
      ],
    },
    db(),
  );
  return created.has(row.id)
    ? { messageId: row.id, status: "skipped", reason, retryable: false, duplicate: false }
    : outcomeOf(existing[0]!, true);
}

type TSkipped = Omit<TNewMessage, "status" | "id"> & { id: string };

/** The message keeps its topic in its origin: its unsubscribe link leaves that topic. */
function withTopic<T extends { origin: Record<string, unknown> }>(row: T, topicId?: string): T {
  return topicId ? { ...row, origin: { ...row.origin, topicId } } : row;
}

async function draftTemplate(workspaceId: string, templateId: string, content: TTemplateContent) {
  const [template, workspace] = await Promise.all([
    findTemplate(workspaceId, templateId),
    findWorkspaceById(workspaceId),
  ]);
  if (!template || !workspace || template.channel !== content.channel) return null;
  return {
    templateId,
    name: template.name,
    channel: template.channel,
    topicId: template.topicId,
    version: null,
    content,
    workspaceName: workspace.name,
    workspaceTimezone: workspace.timezone,
  };
}
