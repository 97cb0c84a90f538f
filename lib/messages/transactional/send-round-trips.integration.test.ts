import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postMessages } from "@/app/api/v1/messages/route";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { db } from "@/db";
import { insertStreamDestination } from "@/db/queries/stream-destinations";
import { contacts, events, messageEvents, messages, streamEvents } from "@/db/schema";
import { countRoundTrips } from "@/db/testing/count-round-trips";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";

/**
 * How many statements a 1-recipient `POST /api/v1/messages` sends to the database (the shape
 * `npm run bench:transactional` sends at 200 requests/s): each is a round trip the request waits
 * for, and at that rate the waits were the benchmark's cost (docs/benchmarks.md, transactional
 * sends). This keeps the figure from creeping back up unnoticed.
 */
const MAX_ROUND_TRIPS = 7;
/** With a published template by name: one more, the template with its version. */
const MAX_WITH_TEMPLATE = 8;

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(async () => {
  await testDb.close();
});

describe("a 1-recipient transactional send", () => {
  it(`makes at most ${MAX_ROUND_TRIPS} database round trips, and a retry sends nothing twice`, async () => {
    const tenant = await makeTenant("Round trips");
    const ws = tenant.workspace.id;
    // A destination turns the event stream's triggers on: they must see what they saw before.
    await insertStreamDestination({
      workspaceId: ws,
      name: "Export",
      kind: "ndjson",
      config: { period: "hour" },
    });
    await db()
      .insert(contacts)
      .values({
        workspaceId: ws,
        externalId: "u1",
        phone: "+14155550123",
        attributes: { firstName: "Ada" },
      });
    const body = (idempotencyKey: string) => ({
      channel: "sms",
      content: { body: "Your order {{ context.order }} has shipped, {{ contact.firstName }}" },
      recipients: [{ userId: "u1", context: { order: idempotencyKey } }],
      idempotencyKey,
    });
    const send = (key: string) => callRoute(postMessages, {}, { key: tenant.key, body: body(key) });
    // The first call of a process compiles the content and opens the provider; count a later one.
    expect((await send("warm-up")).status).toBe(200);

    const { result: res, statements } = await countRoundTrips(testDb.handle, () => send("O-1"));
    expect(res.status).toBe(200);
    expect(res.json!.results).toEqual([
      expect.objectContaining({ index: 0, userId: "u1", status: "SUCCESSFUL", reason: null }),
    ]);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    // The counter sees the request's statements (a counter that saw nothing would pass above).
    expect(statements.filter((q) => /insert into messages|update messages/.test(q))).toHaveLength(
      2,
    );

    // What those statements wrote: the message handed over with its content, its events, the
    // contact events, and the stream's records of each message event as the message then stood.
    const messageId = res.json!.results[0].messageId as string;
    const [row] = await db().select().from(messages).where(eq(messages.id, messageId));
    expect(row).toMatchObject({
      status: "delivered",
      provider: "outbox",
      transactional: true,
      recipient: "+14155550123",
    });
    expect((row!.content as { body?: string }).body).toBe("Your order O-1 has shipped, Ada");
    const types = await db()
      .select({ type: messageEvents.type })
      .from(messageEvents)
      .where(eq(messageEvents.messageId, messageId))
      .orderBy(messageEvents.id);
    expect(types.map((t) => t.type)).toEqual(["queued", "sent", "delivered"]);
    const contactEvents = await db()
      .select({ name: events.name, messageId: events.messageId })
      .from(events)
      .where(and(eq(events.workspaceId, ws), eq(events.contactId, row!.contactId!)))
      .orderBy(events.id);
    expect(contactEvents.slice(-2)).toEqual([
      { name: "SMS Sent", messageId: `msg-${messageId}-sent` },
      { name: "SMS Delivered", messageId: `msg-${messageId}-delivered` },
    ]);
    const streamed = await db()
      .select({ type: streamEvents.type, data: streamEvents.data })
      .from(streamEvents)
      .where(
        and(
          eq(streamEvents.workspaceId, ws),
          sql`${streamEvents.data}->>'messageId' = ${messageId}`,
        ),
      )
      .orderBy(streamEvents.id);
    expect(streamed.map((e) => [e.type, e.data.status])).toEqual([
      ["message.queued", "sending"],
      ["message.sent", "delivered"],
      ["message.delivered", "delivered"],
    ]);

    // The same key again: the same answer, no second message.
    const again = await send("O-1");
    expect(again.json!.results).toEqual(res.json!.results);
    const rows = await db()
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.workspaceId, ws), eq(messages.contactId, row!.contactId!)));
    expect(rows).toHaveLength(2);

    // A published template by name instead of inline content.
    const template = await createTemplate(ws, tenant.user.id, { name: "Shipped", channel: "sms" });
    await saveTemplateDraft(ws, template.id, {
      content: {
        channel: "sms",
        body: "Order {{ context.order }} shipped, {{ contact.firstName }}",
      },
    });
    await publishTemplate(ws, template.id, tenant.user.id);
    const byName = (key: string) =>
      callRoute(
        postMessages,
        {},
        {
          key: tenant.key,
          body: { ...body(key), content: undefined, template: { name: "Shipped" } },
        },
      );
    expect((await byName("warm-up-template")).status).toBe(200);
    const counted = await countRoundTrips(testDb.handle, () => byName("T-1"));
    expect(counted.result.json!.results).toEqual([
      expect.objectContaining({ status: "SUCCESSFUL", reason: null }),
    ]);
    expect(counted.statements.length, counted.statements.join("\n")).toBeLessThanOrEqual(
      MAX_WITH_TEMPLATE,
    );
    const [fromTemplate] = await db()
      .select()
      .from(messages)
      .where(eq(messages.id, counted.result.json!.results[0].messageId as string));
    expect(fromTemplate).toMatchObject({ templateId: template.id, templateVersion: 1 });
    expect((fromTemplate!.content as { body?: string }).body).toBe("Order T-1 shipped, Ada");
  });

  it("sends once when the same request arrives several times at once", async () => {
    const tenant = await makeTenant("Concurrent");
    const ws = tenant.workspace.id;
    await db()
      .insert(contacts)
      .values({ workspaceId: ws, externalId: "u1", phone: "+14155550124" });
    const body = {
      channel: "sms",
      content: { body: "Code {{ context.code }}" },
      recipients: [{ userId: "u1", context: { code: "1234" } }],
      idempotencyKey: "same-key",
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => callRoute(postMessages, {}, { key: tenant.key, body })),
    );
    const ids = new Set(answers.map((a) => a.json!.results[0].messageId as string));
    expect(ids.size).toBe(1);
    const rows = await db()
      .select({ id: messages.id, status: messages.status })
      .from(messages)
      .where(eq(messages.workspaceId, ws));
    expect(rows).toEqual([{ id: [...ids][0], status: "delivered" }]);
    const sent = await db()
      .select({ type: messageEvents.type })
      .from(messageEvents)
      .where(and(eq(messageEvents.messageId, rows[0]!.id), eq(messageEvents.type, "sent")));
    expect(sent).toHaveLength(1);
  });
});
