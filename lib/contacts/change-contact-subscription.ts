import { randomUUID } from "node:crypto";
import { db, type Executor } from "@/db";
import {
  findSubscription,
  lockContact,
  touchContact,
  upsertSubscription,
} from "@/db/queries/contact-edits";
import { insertEvents } from "@/db/queries/ingest";
import { offerIngested } from "@/lib/ingest/ingested-events";
import { NotFoundError } from "@/lib/errors";
import type { TActor, TChangeSubscription } from "./edit-schemas";

type TSubscriptionSource = "ui" | "unsubscribe_link" | "sms_keyword" | "complaint";

/**
 * Opts a contact in or out of one channel (or of all, `channel: "all"`) from the UI, with source
 * `ui`, and records `$subscription_changed` on the timeline in the same transaction. Asking for
 * the status the contact already has changes nothing and records nothing.
 */
export async function changeContactSubscription(
  input: { workspaceId: string; contactId: string; actor: TActor } & TChangeSubscription,
) {
  const { workspaceId, contactId } = input;
  const result = await db().transaction(async (tx) => {
    if (!(await lockContact(workspaceId, contactId, tx)))
      throw new NotFoundError("No such contact in this workspace");
    return changeSubscriptionInTx(tx, { ...input, source: "ui" });
  });
  await offerIngested(
    result.events.map((e) => ({
      workspaceId,
      contactId,
      eventId: String(e.id),
      name: e.name,
      occurredAt: new Date(e.occurred_at),
    })),
  );
  return { changed: result.changed };
}

/**
 * The change itself, inside the caller's transaction (the caller holds the contact's row lock):
 * the UI, an unsubscribe link and an SMS STOP all go through here. Returns the stored events for
 * the caller to offer once committed.
 */
export async function changeSubscriptionInTx(
  tx: Executor,
  input: {
    workspaceId: string;
    contactId: string;
    actor?: TActor;
    source: TSubscriptionSource;
    detail?: Record<string, unknown>;
  } & TChangeSubscription,
) {
  const { workspaceId, contactId, actor, channel, status, source } = input;
  const before = await findSubscription(workspaceId, contactId, channel, tx);
  // No row means "never said either way", which counts as subscribed (see channelStates).
  const previousStatus = before?.status ?? "subscribed";
  if (before && before.status === status) return { changed: false, events: [] };
  if (!before && status === "subscribed") return { changed: false, events: [] };

  const at = new Date();
  await upsertSubscription({ workspaceId, contactId, channel, status, source, changedAt: at }, tx);
  await touchContact(workspaceId, contactId, tx);
  const changedBy = actor
    ? { changedBy: { userId: actor.id, name: actor.name, email: actor.email } }
    : {};
  const stored = await insertEvents(
    workspaceId,
    [
      {
        contactId,
        name: "$subscription_changed",
        properties: {
          channel,
          status,
          previousStatus,
          previousSource: before?.source ?? null,
          source,
          ...changedBy,
          ...(input.detail ?? {}),
        },
        occurredAt: at,
        messageId: `${source}-${randomUUID()}`,
      },
    ],
    tx,
  );
  return { changed: true, events: stored };
}
