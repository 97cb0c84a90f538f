import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { accountMembers, accounts, channelSubscriptions, contacts, pushTokens } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { findSendContacts, loadSendContacts } from "./send-contacts";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

/** The one-query loader gives each contact exactly its own opt-outs, devices and accounts. */
describe("send contacts", () => {
  it("loads each contact with its own subscriptions, push tokens and accounts, in order", async () => {
    const a = await makeTenant("Loader A");
    const b = await makeTenant("Loader B");
    const ws = a.workspace.id;
    const t0 = Date.parse("2026-12-01T10:00:00Z");
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const [ada, bob, , bare] = await db()
      .insert(contacts)
      .values([
        { workspaceId: ws, externalId: "ada", email: "ada@example.com", createdAt: at(0) },
        { workspaceId: ws, externalId: "bob", phone: "+14155550101", createdAt: at(1) },
        // Shares Ada's address, created later: a raw-address send lends Ada's opt-outs, not its.
        { workspaceId: ws, externalId: "twin", email: "ada@example.com", createdAt: at(2) },
        { workspaceId: ws, externalId: "bare", createdAt: at(3) },
      ])
      .returning();
    // Another workspace's contact with the same user id and address is never loaded.
    await db()
      .insert(contacts)
      .values({ workspaceId: b.workspace.id, externalId: "ada", email: "ada@example.com" });
    await db()
      .insert(channelSubscriptions)
      .values([
        {
          workspaceId: ws,
          contactId: ada!.id,
          channel: "sms",
          status: "unsubscribed",
          source: "api",
          changedAt: at(5),
        },
        {
          workspaceId: ws,
          contactId: bob!.id,
          channel: "all",
          status: "unsubscribed",
          source: "ui",
          changedAt: at(6),
        },
      ]);
    await db()
      .insert(pushTokens)
      .values([
        { workspaceId: ws, contactId: ada!.id, token: "old", platform: "ios", lastSeenAt: at(1) },
        {
          workspaceId: ws,
          contactId: ada!.id,
          token: "new",
          platform: "android",
          lastSeenAt: at(9),
        },
      ]);
    const [acme, globex] = await db()
      .insert(accounts)
      .values([
        { workspaceId: ws, externalId: "acme", traits: { plan: "starter" } },
        { workspaceId: ws, externalId: "globex", traits: { plan: "enterprise" } },
      ])
      .returning();
    await db()
      .insert(accountMembers)
      .values([
        { workspaceId: ws, accountId: acme!.id, contactId: ada!.id, joinedAt: at(1) },
        { workspaceId: ws, accountId: globex!.id, contactId: ada!.id, joinedAt: at(2) },
        { workspaceId: ws, accountId: acme!.id, contactId: bob!.id, joinedAt: at(3) },
      ]);

    const loaded = await loadSendContacts(ws, [ada!.id, bob!.id, bare!.id]);
    expect([...loaded.keys()]).toEqual([ada!.id, bob!.id, bare!.id]);
    expect(loaded.get(ada!.id)).toEqual({
      contact: ada,
      subscriptions: [{ channel: "sms", status: "unsubscribed", source: "api", changedAt: at(5) }],
      pushTokens: [
        { token: "new", platform: "android", lastSeenAt: at(9) },
        { token: "old", platform: "ios", lastSeenAt: at(1) },
      ],
      accounts: [
        { groupId: "globex", traits: { plan: "enterprise" } },
        { groupId: "acme", traits: { plan: "starter" } },
      ],
    });
    expect(loaded.get(bob!.id)).toMatchObject({
      subscriptions: [{ channel: "all", status: "unsubscribed", source: "ui", changedAt: at(6) }],
      pushTokens: [],
      accounts: [{ groupId: "acme", traits: { plan: "starter" } }],
    });
    expect(loaded.get(bare!.id)).toMatchObject({ subscriptions: [], pushTokens: [], accounts: [] });
    expect(await loadSendContacts(b.workspace.id, [ada!.id])).toEqual(new Map());

    const found = await findSendContacts(ws, {
      userIds: ["bob", "nobody"],
      emails: ["ada@example.com"],
      phones: ["+14155550101", "+14155550199"],
    });
    expect([...found.byUserId.keys()]).toEqual(["bob"]);
    expect(found.byUserId.get("bob")!.contact.id).toBe(bob!.id);
    // The oldest contact holding each address, with everything the send needs about it.
    expect(found.byAddress.get("ada@example.com")!.contact.id).toBe(ada!.id);
    expect(found.byAddress.get("ada@example.com")!.pushTokens).toHaveLength(2);
    expect(found.byAddress.get("+14155550101")!.contact.id).toBe(bob!.id);
    expect(found.byAddress.has("+14155550199")).toBe(false);
    const none = await findSendContacts(ws, { userIds: [], emails: [], phones: [] });
    expect(none.byUserId.size + none.byAddress.size).toBe(0);
  });
});
