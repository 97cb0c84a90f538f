import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as v1Call } from "@/app/api/v1/[call]/route";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { POST as inboundRoute } from "@/app/api/webhooks/twilio/[workspaceId]/inbound/route";
import { GET as preferencesGet, POST as preferencesPost } from "@/app/u/p/[token]/route";
import { POST as unsubscribePost } from "@/app/u/[token]/route";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { deleteContact } from "@/db/queries/contacts";
import { channelSubscriptions, contacts, messages, topicSubscriptions } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { deliveriesOf, makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { trackingKey } from "@/lib/messages/engagement/resolve-tracking-token";
import { signTrackingToken } from "@/lib/messages/engagement/tracking-tokens";
import { twilioSignature } from "@/lib/messages/engagement/twilio-signature";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { sendMessage } from "@/lib/messages/send/send-message";
import { segmentMembersQuery } from "@/lib/segments/segment-to-sql";
import { saveTemplateDraft } from "@/lib/templates/manage-templates";
import { createTopic, updateSubscriptionSettings } from "./manage-topics";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
let t: Awaited<ReturnType<typeof makeCampaignTenant>>;
const topic: Record<"deals" | "alerts" | "vip", { id: string }> = {} as never;
beforeAll(async () => {
  testDb = await useTestDb();
  // Contacts u1..u12 with c<n>@example.com (u1 opted out of email, u2 bounced: the fixture's).
  t = await makeCampaignTenant("Topics", 12);
  topic.deals = await createTopic(t.ws, {
    name: "Deals",
    description: "",
    defaultSubscribed: true,
    channels: ["email"],
  });
  topic.alerts = await createTopic(t.ws, {
    name: "Account alerts",
    key: "alerts",
    description: "",
    defaultSubscribed: true,
    channels: ["email"],
  });
  topic.vip = await createTopic(t.ws, {
    name: "VIP previews",
    key: "vip",
    description: "",
    defaultSubscribed: false,
    channels: ["email"],
  });
  await saveTemplateDraft(t.ws, t.templates[0]!.id, { topicId: topic.deals.id });
  await saveTemplateDraft(t.ws, t.templates[1]!.id, { topicId: topic.alerts.id });
}, 60_000);
afterAll(() => testDb.close());

const contactOf = async (userId: string) =>
  (
    await db()
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, t.ws), eq(contacts.externalId, userId)))
  )[0]!;
const choices = async (contactId: string) =>
  Object.fromEntries(
    (
      await executeRows<{ key: string; status: string }>(
        sql`select tp.key, ts.status from topic_subscriptions ts join topics tp on tp.id = ts.topic_id where ts.contact_id = ${contactId}`,
      )
    ).map((r) => [r.key, r.status]),
  );
const identify = (body: unknown) =>
  callRoute(v1Call, { call: "identify" }, { body, key: t.tenant.key });
const send = (userId: string, templateIdx: 0 | 1, key: string, extra: { topicId?: string } = {}) =>
  contactOf(userId).then((c) =>
    sendMessage({
      workspaceId: t.ws,
      contactId: c.id,
      templateId: t.templates[templateIdx]!.id,
      idempotencyKey: key,
      origin: { kind: "journey", journeyId: "j", nodeId: key },
      ...extra,
    }),
  );

describe("identify takes topic choices", () => {
  it("reads subscriptions at the top level and in traits: channel names are channels, other keys topics", async () => {
    expect(
      await identify({ userId: "u5", subscriptions: { deals: false, email: "subscribed" } }),
    ).toMatchObject({ status: 200 });
    expect(
      await identify({ userId: "u5", traits: { plan: "pro", subscriptions: { vip: true } } }),
    ).toMatchObject({ status: 200 });
    const c5 = await contactOf("u5");
    expect(await choices(c5.id)).toEqual({ deals: "unsubscribed", vip: "subscribed" });
    // traits.subscriptions is not an attribute.
    expect(c5.attributes).not.toHaveProperty("subscriptions");
    // A key no topic has is accepted and ignored (the app may know topics before an admin makes them).
    expect(await identify({ userId: "u5", subscriptions: { "not-yet": true } })).toMatchObject({
      status: 200,
    });
  });

  it("answers 400 naming the field for a key that is neither a channel nor a topic key, or a bad value", async () => {
    const bad = await identify({ userId: "u5", subscriptions: { "Big Deals": false } });
    expect(bad.status).toBe(400);
    expect(bad.json!.error.fields).toHaveProperty(["subscriptions.Big Deals"]);
    const value = await identify({ userId: "u5", traits: { subscriptions: { deals: "maybe" } } });
    expect(value.status).toBe(400);
    expect(Object.keys(value.json!.error.fields)[0]).toMatch(/^traits\.subscriptions/);
  });
});

describe("the send path checks the topic beside opt-outs and suppression", () => {
  it("skips a journey send about a topic the contact left, and delivers another topic's", async () => {
    const deals = await send("u5", 0, "topic-run-1");
    expect(deals).toMatchObject({
      status: "skipped",
      reason: 'topic_opt_out: not subscribed to "Deals"',
    });
    const alerts = await send("u5", 1, "topic-run-2");
    expect(alerts.status).toBe("delivered");
    const [row] = await db().select().from(messages).where(eq(messages.id, alerts.messageId));
    expect(row!.origin).toMatchObject({ topicId: topic.alerts.id });
    // Someone who never left Deals gets it.
    expect((await send("u6", 0, "topic-run-3")).status).toBe("delivered");
  });

  it("an opt-in topic reaches only those who joined", async () => {
    expect((await send("u5", 1, "vip-1", { topicId: topic.vip.id })).status).toBe("delivered");
    expect(await send("u6", 1, "vip-2", { topicId: topic.vip.id })).toMatchObject({
      status: "skipped",
      reason: 'topic_opt_out: not subscribed to "VIP previews"',
    });
  });

  it("a send told topicId null ignores the template's topic (what transactional sends do)", async () => {
    expect((await send("u5", 0, "txn-1", { topicId: null as unknown as string })).status).toBe(
      "delivered",
    );
  });

  it("a campaign about Deals settles the contact who left as topic_opt_out, with a skipped message", async () => {
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Deals week",
      audience: { kind: "everyone" },
      channel: "email",
      // The campaign's own topic wins over its template's (Account alerts).
      topicId: topic.deals.id,
      treatments: [
        { label: "A", templateId: t.templates[1]!.id, templateVersion: 1, percent: 100 },
      ],
      holdoutPercent: 0,
      schedule: { kind: "now" },
    });
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    await snapshotRun(run.id);
    for (const from of await sliceStarts(run.id, 250))
      for (;;) {
        const r = await drainSlice({ runId: run.id, from, to: null }, { batchSize: 100 });
        if (r.kind !== "sent") break;
      }
    const rows = await deliveriesOf(run.id);
    const u5 = rows.find((r) => r.n === 5)!;
    expect(u5.status).toBe("topic_opt_out");
    const [msg] = await executeRows<{ status: string; reason: string }>(
      sql`select status, reason from messages where id = ${u5.message_id}`,
    );
    expect(msg).toEqual({ status: "skipped", reason: 'topic_opt_out: not subscribed to "Deals"' });
    expect(rows.find((r) => r.n === 6)!.status).toBe("sent");
  });
});

describe("the segment condition on a topic", () => {
  it("matches the contact's choice, else the topic's default", async () => {
    const members = async (state: "subscribed" | "unsubscribed", key: string) =>
      (
        await executeRows<{ id: string }>(
          segmentMembersQuery(
            t.ws,
            {
              kind: "group",
              match: "all",
              conditions: [{ kind: "topic", topic: key, state }],
            },
            { now: new Date() },
          ),
        )
      ).map((r) => r.id);
    const c5 = await contactOf("u5");
    expect(await members("unsubscribed", "deals")).toEqual([c5.id]);
    expect(await members("subscribed", "deals")).toHaveLength(11);
    expect(await members("subscribed", "vip")).toEqual([c5.id]);
    expect(await members("subscribed", "no-such-topic")).toEqual([]);
  });
});

describe("the unsubscribe link and the preference center", () => {
  const oneClick = (messageId: string) =>
    unsubscribePost(
      new Request("http://localhost/u/x", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      {
        params: Promise.resolve({
          token: signTrackingToken(trackingKey(), "unsubscribe", messageId),
        }),
      } as never,
    );

  it("RFC 8058 one-click on a message about a topic leaves that topic only", async () => {
    const sent = await send("u7", 1, "oneclick-1");
    expect((await oneClick(sent.messageId)).status).toBe(200);
    const c7 = await contactOf("u7");
    expect(await choices(c7.id)).toEqual({ alerts: "unsubscribed" });
    const channel = await db()
      .select()
      .from(channelSubscriptions)
      .where(eq(channelSubscriptions.contactId, c7.id));
    expect(channel).toEqual([]);
    // Deals still reaches them; Account alerts no more.
    expect((await send("u7", 0, "oneclick-2")).status).toBe("delivered");
    expect((await send("u7", 1, "oneclick-3")).status).toBe("skipped");
  });

  it("one-click on a message without a topic opts out of the channel, as before", async () => {
    const c8 = await contactOf("u8");
    const sent = await sendMessage({
      workspaceId: t.ws,
      contactId: c8.id,
      templateId: t.templates[0]!.id,
      idempotencyKey: "oneclick-none",
      origin: { kind: "journey" },
      topicId: null,
    });
    expect((await oneClick(sent.messageId)).status).toBe(200);
    const [row] = await db()
      .select()
      .from(channelSubscriptions)
      .where(eq(channelSubscriptions.contactId, c8.id));
    expect(row).toMatchObject({
      channel: "email",
      status: "unsubscribed",
      source: "unsubscribe_link",
    });
  });

  it("shows the contact's topics in their language, saves a change, and unsubscribes from everything", async () => {
    await updateSubscriptionSettings(t.ws, t.userId, { brandColor: "#7c3aed", smsHelpText: null });
    const c9 = await contactOf("u9");
    await db().update(contacts).set({ locale: "vi-VN" }).where(eq(contacts.id, c9.id));
    const sent = await send("u9", 0, "prefs-1");
    const token = signTrackingToken(trackingKey(), "preferences", sent.messageId);
    const ctx = { params: Promise.resolve({ token }) } as never;
    const page = await preferencesGet(new Request("http://localhost/u/p/x"), ctx);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('lang="vi"');
    expect(html).toContain("Tùy chọn nhận email của bạn");
    expect(html).toContain("#7c3aed");
    expect(html).toContain('value="deals" checked');
    expect(html).toContain('value="vip">');

    // Ticks: Account alerts and VIP; Deals unticked.
    const form = (fields: [string, string][]) =>
      new Request("http://localhost/u/p/x", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const saved = await preferencesPost(
      form([
        ["topic", "alerts"],
        ["topic", "vip"],
        ["action", "save"],
      ]),
      ctx,
    );
    expect(saved.status).toBe(200);
    expect(await choices(c9.id)).toEqual({ deals: "unsubscribed", vip: "subscribed" });
    const sources = await db()
      .select({ source: topicSubscriptions.source })
      .from(topicSubscriptions)
      .where(eq(topicSubscriptions.contactId, c9.id));
    expect(new Set(sources.map((s) => s.source))).toEqual(new Set(["preference_center"]));

    await preferencesPost(form([["action", "everything"]]), ctx);
    const [all] = await db()
      .select()
      .from(channelSubscriptions)
      .where(
        and(eq(channelSubscriptions.contactId, c9.id), eq(channelSubscriptions.channel, "all")),
      );
    expect(all).toMatchObject({ status: "unsubscribed" });
    // A forged token shows the invalid page and changes nothing.
    const forged = await preferencesGet(new Request("http://localhost/u/p/x"), {
      params: Promise.resolve({ token: token.slice(0, -2) + "AA" }),
    } as never);
    expect(forged.status).toBe(400);
  });

  it("erasing the contact erases their topic choices", async () => {
    const c5 = await contactOf("u5");
    await deleteContact(t.ws, c5.id);
    expect(
      await db().select().from(topicSubscriptions).where(eq(topicSubscriptions.contactId, c5.id)),
    ).toEqual([]);
  });
});

describe("SMS HELP", () => {
  const AUTH_TOKEN = "twilio-auth-token-for-topics";
  const inbound = (params: Record<string, string>) => {
    const url = `http://localhost/api/webhooks/twilio/${t.ws}/inbound`;
    return inboundRoute(
      new Request(url, {
        method: "POST",
        headers: {
          host: "localhost",
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": twilioSignature(AUTH_TOKEN, url, params),
        },
        body: new URLSearchParams(params).toString(),
      }),
      { params: Promise.resolve({ workspaceId: t.ws }) },
    );
  };

  it("answers HELP with the workspace's help text, or the built-in one; STOP still opts out", async () => {
    await saveChannelProvider(t.ws, t.userId, "twilio", {
      baseUrl: "http://127.0.0.1:9",
      accountSid: "AC0123456789abcdef0123456789abcdef",
      authToken: AUTH_TOKEN,
      fromNumber: "+15005550006",
    });
    const builtIn = await (await inbound({ From: "+14155550199", Body: "help" })).text();
    expect(builtIn).toContain("<Message>Topics: reply STOP to unsubscribe");
    await updateSubscriptionSettings(t.ws, t.userId, {
      brandColor: "#2563eb",
      smsHelpText: "Acme & co: help at acme.example/help",
    });
    const own = await (await inbound({ From: "+14155550199", Body: "HELP" })).text();
    expect(own).toContain("<Message>Acme &#38; co: help at acme.example/help</Message>");

    const phone = "+14155550123";
    const c10 = await contactOf("u10");
    await db().update(contacts).set({ phone }).where(eq(contacts.id, c10.id));
    const stop = await (await inbound({ From: phone, Body: "STOP" })).text();
    expect(stop).not.toContain("<Message>");
    const [sms] = await db()
      .select()
      .from(channelSubscriptions)
      .where(
        and(eq(channelSubscriptions.contactId, c10.id), eq(channelSubscriptions.channel, "sms")),
      );
    expect(sms).toMatchObject({ status: "unsubscribed", source: "sms_keyword" });
  });
});
