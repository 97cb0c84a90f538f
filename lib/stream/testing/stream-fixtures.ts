import { sql } from "drizzle-orm";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { deleteContact } from "@/db/queries/contacts";
import { insertTestMessage } from "@/db/testing/message-fixtures";

/**
 * One of each lifecycle event the stream carries, written the way the app writes them (rows in
 * the tables the triggers watch, and the erasure through deleteContact): messages through their
 * lifecycle on email and SMS, a journey entry that passes nodes, converts and exits, a campaign run
 * that starts and completes, an identify, an opt-out and opt-in, and an erasure. Returns the
 * contact ids. `round` keeps names unique when called again.
 */
export async function writeLifecycle(ws: string, round = 0) {
  const [ada, bob] = await executeRows<{ id: string }>(
    sql`insert into contacts (workspace_id, external_id, email, phone)
        values (${ws}, ${`ada-${round}`}, ${`ada-${round}@example.com`}, '+15550000001'),
               (${ws}, ${`bob-${round}`}, ${`bob-${round}@example.com`}, '+15550000002')
        returning id`,
  );
  if (!ada || !bob) throw new Error("contacts");
  const [journey] = await executeRows<{ id: string }>(
    sql`insert into journeys (workspace_id, name, status, draft_graph, live_version)
        values (${ws}, ${`Welcome ${round}`}, 'live', '{}'::jsonb, 1) returning id`,
  );
  const [campaign] = await executeRows<{ id: string }>(
    sql`insert into campaigns (workspace_id, name, channel) values (${ws}, ${`Promo ${round}`}, 'sms') returning id`,
  );
  const [run] = await executeRows<{ id: string }>(
    sql`insert into campaign_runs (workspace_id, campaign_id, occurrence, channel, audience_kind, treatments, holdout_percent, limits)
        values (${ws}, ${campaign!.id}, 1, 'sms', 'everyone', '[]'::jsonb, 0, '{}'::jsonb) returning id`,
  );
  await db().execute(sql`update campaign_runs set status = 'sending' where id = ${run!.id}`);
  const [entry] = await executeRows<{ id: string }>(
    sql`insert into journey_entries (workspace_id, journey_id, version, contact_id, trigger_key, current_node_id)
        values (${ws}, ${journey!.id}, 1, ${ada.id}, ${`k-${round}`}, 'email1') returning id`,
  );
  await db().execute(sql`insert into journey_node_visits (entry_id, journey_id, node_id, outcome)
    values (${entry!.id}, ${journey!.id}, 'trigger', 'next'), (${entry!.id}, ${journey!.id}, 'email1', 'next')`);
  const journeyOrigin = {
    kind: "journey",
    journeyId: journey!.id,
    version: 1,
    nodeId: "email1",
    runId: entry!.id,
  };
  await insertTestMessage(ws, { contactId: ada.id, origin: journeyOrigin, isTest: false }, [
    { type: "queued" },
    { type: "sent" },
    { type: "delivered" },
    { type: "opened" },
    { type: "clicked", detail: { url: "https://acme.test/a" } },
    { type: "unsubscribed" },
  ]);
  await insertTestMessage(
    ws,
    {
      contactId: bob.id,
      channel: "sms",
      recipient: "+15550000002",
      origin: { kind: "campaign", campaignId: campaign!.id, runId: run!.id, treatment: 0 },
      isTest: false,
    },
    [{ type: "sent" }, { type: "failed" }, { type: "replied" }],
  );
  await insertTestMessage(
    ws,
    {
      contactId: bob.id,
      status: "skipped",
      reason: "quiet hours",
      origin: journeyOrigin,
      isTest: false,
    },
    [{ type: "skipped", detail: { reason: "quiet hours" } }],
  );
  // A test send from the editor is not part of the stream.
  await insertTestMessage(ws, { contactId: bob.id, isTest: true }, [{ type: "sent" }]);
  await db().execute(sql`update journey_entries set converted = true where id = ${entry!.id}`);
  await db().execute(
    sql`update journey_entries set status = 'completed', exited_at = now(), exit_reason = 'end' where id = ${entry!.id}`,
  );
  await db().execute(
    sql`update campaign_runs set status = 'completed', finished_at = now() where id = ${run!.id}`,
  );
  await db()
    .execute(sql`insert into events (workspace_id, contact_id, name, properties, occurred_at, message_id)
    values (${ws}, ${bob.id}, '$identify', '{"plan":"pro"}'::jsonb, now(), ${`m-${round}-1`}),
           (${ws}, ${bob.id}, 'Order Completed', '{}'::jsonb, now(), ${`m-${round}-2`})`);
  await db()
    .execute(sql`insert into channel_subscriptions (workspace_id, contact_id, channel, status, source)
    values (${ws}, ${bob.id}, 'sms', 'unsubscribed', 'sms_keyword')`);
  await db().execute(
    sql`update channel_subscriptions set status = 'subscribed', source = 'ui' where contact_id = ${bob.id}`,
  );
  await deleteContact(ws, bob.id);
  return { ada: ada.id, bob: bob.id };
}

/** The event types writeLifecycle makes, each once (test sends and tracked events excluded). */
export const LIFECYCLE_TYPES = [
  "campaign.run_snapshotting",
  "campaign.run_sending",
  "journey.entered",
  "journey.node_passed",
  "journey.node_passed",
  "message.queued",
  "message.sent",
  "message.delivered",
  "message.opened",
  "message.clicked",
  "message.unsubscribed",
  "message.sent",
  "message.failed",
  "message.replied",
  "message.skipped",
  "journey.converted",
  "journey.exited",
  "campaign.run_completed",
  "contact.identified",
  "contact.opted_out",
  "contact.opted_in",
  "contact.erased",
];
