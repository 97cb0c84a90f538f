import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { contacts, events, messageEvents, messages, pushTokens } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { insertMessagesOnce, recordSendOutcomes } from "./campaign-messages";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

/** The two one-statement writes of a send: all of each, or none of it. */
describe("send writes as single statements", () => {
  it("inserts messages once with their events, and records answers atomically", async () => {
    const a = await makeTenant("Writes A");
    const b = await makeTenant("Writes B");
    const ws = a.workspace.id;
    const [contact] = await db()
      .insert(contacts)
      .values({ workspaceId: ws, externalId: "u1" })
      .returning();
    await db()
      .insert(pushTokens)
      .values([
        { workspaceId: ws, contactId: contact!.id, token: "dead", platform: "android" },
        { workspaceId: ws, contactId: contact!.id, token: "alive", platform: "ios" },
      ]);
    const [other] = await db()
      .insert(contacts)
      .values({ workspaceId: b.workspace.id, externalId: "u1" })
      .returning();
    await db().insert(pushTokens).values({
      workspaceId: b.workspace.id,
      contactId: other!.id,
      token: "dead",
      platform: "ios",
    });

    const now = new Date();
    const row = (key: string) => ({
      id: randomUUID(),
      workspaceId: ws,
      contactId: contact!.id,
      idempotencyKey: key,
      channel: "push" as const,
      origin: { kind: "api" },
      status: "sending" as const,
      attempts: 1,
    });
    const queued = (id: string) => ({
      workspaceId: ws,
      messageId: id,
      type: "queued" as const,
      detail: {},
      occurredAt: now,
    });
    const first = row("k1");
    const made = await insertMessagesOnce(ws, [first], { events: [queued(first.id)] }, db());
    expect([...made.created]).toEqual([first.id]);
    // The same key again: nothing new, the first row back, and no event for the loser.
    const again = row("k1");
    const retry = await insertMessagesOnce(ws, [again], { events: [queued(again.id)] }, db());
    expect(retry.created.size).toBe(0);
    expect(retry.existing.map((m) => m.id)).toEqual([first.id]);
    const logged = await db().select().from(messageEvents).where(eq(messageEvents.workspaceId, ws));
    expect(logged.map((e) => [e.messageId, e.type])).toEqual([[first.id, "queued"]]);

    const outcome = (contactId: string) => ({
      settlements: [
        {
          id: first.id,
          status: "sent" as const,
          provider: "fcm",
          providerMessageId: "p-1",
          reason: null,
          sentAt: now,
          deliveredAt: null,
        },
      ],
      messageEvents: [{ ...queued(first.id), type: "sent" as const }],
      contactEvents: [
        {
          contactId,
          name: "Push Sent",
          properties: {},
          occurredAt: now,
          messageId: `m-${first.id}`,
        },
      ],
      deadTokens: ["dead"],
    });
    // A step that fails (a contact event for no contact) leaves nothing of the others behind.
    await expect(recordSendOutcomes(ws, outcome(randomUUID()), db())).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/foreign key/) }),
    });
    const [unsettled] = await db().select().from(messages).where(eq(messages.id, first.id));
    expect(unsettled!.status).toBe("sending");
    expect(await db().select().from(pushTokens).where(eq(pushTokens.workspaceId, ws))).toHaveLength(
      2,
    );

    const stored = await recordSendOutcomes(ws, outcome(contact!.id), db());
    expect(stored.map((e) => e.name)).toEqual(["Push Sent"]);
    const [settled] = await db().select().from(messages).where(eq(messages.id, first.id));
    expect(settled).toMatchObject({ status: "sent", provider: "fcm", providerMessageId: "p-1" });
    const types = await db()
      .select()
      .from(messageEvents)
      .where(eq(messageEvents.messageId, first.id));
    expect(types.map((e) => e.type).sort()).toEqual(["queued", "sent"]);
    const tokens = await db().select().from(pushTokens);
    // Only this workspace's dead token went.
    expect(tokens.map((t) => [t.workspaceId, t.token]).sort()).toEqual(
      [
        [ws, "alive"],
        [b.workspace.id, "dead"],
      ].sort(),
    );
    // A contact event already stored is not stored (nor returned) twice.
    expect(await recordSendOutcomes(ws, outcome(contact!.id), db())).toEqual([]);
    expect(
      await db()
        .select()
        .from(events)
        .where(eq(events.messageId, `m-${first.id}`)),
    ).toHaveLength(1);
  });
});
