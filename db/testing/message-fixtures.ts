import { db } from "@/db";
import { messageEvents, messages, type TMessageEventType } from "@/db/schema";
import { randomToken } from "@/lib/crypto/tokens";

type TNewMessage = typeof messages.$inferInsert;

/**
 * A message row as the send pipeline would leave it, inserted directly: for tests of what reads
 * messages (log, outbox, profile) without running a send. Defaults to an email the outbox took.
 */
export async function insertTestMessage(
  workspaceId: string,
  row: Partial<TNewMessage> = {},
  events: { type: TMessageEventType; at?: Date; detail?: Record<string, unknown> }[] = [],
) {
  const [message] = await db()
    .insert(messages)
    .values({
      workspaceId,
      idempotencyKey: `test:${randomToken(8)}`,
      channel: "email",
      provider: "outbox",
      origin: { kind: "test", userId: null },
      status: "delivered",
      recipient: "ada@example.com",
      content: {
        to: "ada@example.com",
        from: "Acme <hello@acme.test>",
        subject: "Hello",
        html: "<p>Hello</p>",
        text: "Hello",
        headers: {},
      },
      ...row,
    })
    .returning();
  if (!message) throw new Error("insert returned nothing");
  if (events.length) {
    await db()
      .insert(messageEvents)
      .values(
        events.map((e) => ({
          workspaceId,
          messageId: message.id,
          type: e.type,
          detail: e.detail ?? {},
          ...(e.at ? { occurredAt: e.at } : {}),
        })),
      );
  }
  return message;
}
