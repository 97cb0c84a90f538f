import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as inboundRoute } from "@/app/api/webhooks/twilio/[workspaceId]/inbound/route";
import { POST as statusRoute } from "@/app/api/webhooks/twilio/[workspaceId]/status/route";
import { db } from "@/db";
import { channelSubscriptions, contacts, events, messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { fakeProviderResponder } from "@/lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "@/lib/channels/testing/http-sink";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { saveChannelProvider } from "../send/configure-channel-provider";
import { sendMessage } from "../send/send-message";
import { twilioSignature } from "./twilio-signature";

const AUTH_TOKEN = "twilio-auth-token-for-tests";
let sink: THttpSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startHttpSink({ respond: fakeProviderResponder });
});
afterAll(async () => {
  await sink.close();
  await testDb.close();
});

/** A webhook as Twilio would post it, signed with `token` over the URL it calls. */
function twilioPost(path: string, params: Record<string, string>, token = AUTH_TOKEN) {
  const url = `http://localhost${path}`;
  return new Request(url, {
    method: "POST",
    headers: {
      host: "localhost",
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSignature(token, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}
const ctx = (workspaceId: string) => ({ params: Promise.resolve({ workspaceId }) });

async function setup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  await saveChannelProvider(ws, tenant.user.id, "twilio", {
    baseUrl: sink.url,
    accountSid: "AC0123456789abcdef0123456789abcdef",
    authToken: AUTH_TOKEN,
    fromNumber: "+15005550006",
  });
  const template = await createTemplate(ws, tenant.user.id, { name: "Coupon", channel: "sms" });
  await publishTemplate(ws, template.id, tenant.user.id);
  const phone = `+1415555${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const [contact] = await db()
    .insert(contacts)
    .values({ workspaceId: ws, externalId: `u-${name}`, phone, attributes: { firstName: "Lan" } })
    .returning();
  const sent = await sendMessage({
    workspaceId: ws,
    contactId: contact!.id,
    templateId: template.id,
    idempotencyKey: "run:sms",
    origin: { kind: "journey" },
  });
  return { ws, contact: contact!, phone, sent };
}

const names = async (contactId: string) =>
  (await db().select({ name: events.name }).from(events).where(eq(events.contactId, contactId)))
    .map((e) => e.name)
    .sort();

describe("two-way SMS over a Twilio-compatible provider", () => {
  it("sends through the REST API with a status callback, and a signed receipt marks it delivered", async () => {
    const { ws, sent, phone } = await setup("Receipts");
    expect(sent.status).toBe("sent");
    const req = await sink.waitFor(
      (r) => r.path.endsWith("/Messages.json") && r.form().get("To") === phone,
    );
    expect(req.form().get("Body")).toBe("Hi Lan! Reply STOP to opt out.");
    expect(req.form().get("StatusCallback")).toMatch(
      new RegExp(`/api/webhooks/twilio/${ws}/status$`),
    );
    const [row] = await db().select().from(messages).where(eq(messages.id, sent.messageId));
    expect(row!.providerMessageId).toMatch(/^SM/);

    const res = await statusRoute(
      twilioPost(`/api/webhooks/twilio/${ws}/status`, {
        MessageSid: row!.providerMessageId!,
        MessageStatus: "delivered",
      }),
      ctx(ws),
    );
    expect(res.status).toBe(200);
    const [after] = await db().select().from(messages).where(eq(messages.id, sent.messageId));
    expect(after).toMatchObject({ status: "delivered" });
    expect(after!.deliveredAt).not.toBeNull();
  });

  it("refuses webhooks signed with another token and records nothing", async () => {
    const { ws, contact, phone } = await setup("Forged");
    const res = await inboundRoute(
      twilioPost(
        `/api/webhooks/twilio/${ws}/inbound`,
        { From: phone, Body: "STOP" },
        "not-the-token",
      ),
      ctx(ws),
    );
    expect(res.status).toBe(403);
    expect(await names(contact.id)).toEqual(["SMS Sent"]);
  });

  it("STOP opts the contact out of SMS and START opts them back in", async () => {
    const { ws, contact, phone, sent } = await setup("Keywords");
    await inboundRoute(
      twilioPost(`/api/webhooks/twilio/${ws}/inbound`, {
        From: phone,
        Body: "stop",
        MessageSid: "SMin1",
      }),
      ctx(ws),
    );
    const sub = () =>
      db()
        .select()
        .from(channelSubscriptions)
        .where(
          and(
            eq(channelSubscriptions.contactId, contact.id),
            eq(channelSubscriptions.channel, "sms"),
          ),
        );
    expect((await sub())[0]).toMatchObject({ status: "unsubscribed", source: "sms_keyword" });
    const [msg] = await db().select().from(messages).where(eq(messages.id, sent.messageId));
    expect(msg!.unsubscribedAt).not.toBeNull();
    await inboundRoute(
      twilioPost(`/api/webhooks/twilio/${ws}/inbound`, {
        From: phone,
        Body: "START",
        MessageSid: "SMin2",
      }),
      ctx(ws),
    );
    expect((await sub())[0]).toMatchObject({ status: "subscribed", source: "sms_keyword" });
  });

  it("a reply is recorded on the message it answers and as contact events", async () => {
    const { ws, contact, phone, sent } = await setup("Replies");
    await inboundRoute(
      twilioPost(`/api/webhooks/twilio/${ws}/inbound`, {
        From: phone,
        Body: "What time do you open?",
        MessageSid: "SMin3",
      }),
      ctx(ws),
    );
    const [msg] = await db().select().from(messages).where(eq(messages.id, sent.messageId));
    expect(msg!.repliedAt).not.toBeNull();
    expect(await names(contact.id)).toEqual(["SMS Received", "SMS Replied", "SMS Sent"]);
  });
});
