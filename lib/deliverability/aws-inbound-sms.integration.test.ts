import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@/db/testing/test-db";
import { POST } from "@/app/api/webhooks/feedback/[endpoint]/[workspaceId]/[token]/route";
import { db } from "@/db";
import { channelSubscriptions, contacts, events, messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { TEST_AWS_KEY } from "@/lib/channels/testing/aws-sink";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { sendMessage } from "@/lib/messages/send/send-message";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { updateSubscriptionSettings } from "@/lib/topics/manage-topics";
import { feedbackToken } from "./deliverability-settings";
import { signedSnsMessage } from "./testing/sns-fixtures";
import { snsRig } from "./testing/sns-rig";

// Two-way SMS through AWS End User Messaging: texts arrive on the SNS feedback route, signed with
// a certificate made here and served on loopback; HELP answers go to a loopback AWS that checks
// every request's SigV4 signature.

const OUR_NUMBER = "+12065550100";
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());
const rig = snsRig();

/** A workspace sending SMS through End User Messaging, with one contact sent one SMS. */
async function setup(name: string, opts: { provider?: boolean } = {}) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  if (opts.provider !== false)
    await saveChannelProvider(ws, tenant.user.id, "aws_sms", {
      region: "us-east-1",
      endpoint: rig.aws.url,
      ...TEST_AWS_KEY,
      originationIdentity: OUR_NUMBER,
    });
  const template = await createTemplate(ws, tenant.user.id, { name: "Coupon", channel: "sms" });
  await publishTemplate(ws, template.id, tenant.user.id);
  const phone = `+1415555${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const [contact] = await db()
    .insert(contacts)
    .values({ workspaceId: ws, externalId: `u-${name}`, phone, locale: "vi" })
    .returning();
  const sent = await sendMessage({
    workspaceId: ws,
    contactId: contact!.id,
    templateId: template.id,
    idempotencyKey: `run:${name}`,
    origin: { kind: "journey" },
  });
  const [row] = await db().select().from(messages).where(eq(messages.id, sent.messageId));
  return { ws, userId: tenant.user.id, contact: contact!, phone, message: row! };
}
type TSetup = Awaited<ReturnType<typeof setup>>;

/** The JSON End User Messaging publishes for a text to our number. */
const text = (from: string, body: string, extra: Record<string, string> = {}) =>
  JSON.stringify({
    originationNumber: from,
    destinationNumber: OUR_NUMBER,
    messageKeyword: "KEYWORD_123456789012",
    messageBody: body,
    inboundMessageId: randomUUID(),
    ...extra,
  });

const signed = (message: string, fields: { Timestamp?: string } = {}) =>
  signedSnsMessage(rig.cert.privateKey, rig.certServer.certUrl, {
    Message: message,
    TopicArn: "arn:aws:sns:us-east-1:123456789012:two-way-sms",
    ...fields,
  });

function post(t: { ws: string }, body: string, token = feedbackToken(t.ws)) {
  const path = `/api/webhooks/feedback/sns/${t.ws}/${token}`;
  return POST(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=UTF-8" },
      body,
    }),
    { params: Promise.resolve({ endpoint: "sns", workspaceId: t.ws, token }) },
  );
}
const send = (t: TSetup, from: string, body: string, extra: Record<string, string> = {}) =>
  post(t, JSON.stringify(signed(text(from, body, extra))));

const smsSubscription = async (contactId: string) =>
  (
    await db()
      .select()
      .from(channelSubscriptions)
      .where(
        and(eq(channelSubscriptions.contactId, contactId), eq(channelSubscriptions.channel, "sms")),
      )
  )[0];
const received = (contactId: string) =>
  db()
    .select()
    .from(events)
    .where(and(eq(events.contactId, contactId), eq(events.name, "SMS Received")));
/** HELP answers End User Messaging accepted for `to` (the setup's own SMS is not one). */
const helpAnswers = (to: string) =>
  rig.aws.accepted.filter(
    (c) =>
      c.operation === "SendTextMessage" &&
      c.input.DestinationPhoneNumber === to &&
      String((c.input.Context as Record<string, string>)["waymark-message-id"]).startsWith(
        "sms-help:",
      ),
  );

describe("two-way SMS through AWS End User Messaging (SNS)", () => {
  it("STOP opts the contact out of SMS, START opts them back in, a redelivery changes nothing", async () => {
    const t = await setup("AwsStop");
    const stop = JSON.stringify(signed(text(t.phone, "Stop")));
    const res = await post(t, stop);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inboundSms: 1, applied: 0 });
    expect(await smsSubscription(t.contact.id)).toMatchObject({
      status: "unsubscribed",
      source: "sms_keyword",
    });
    const [msg] = await db().select().from(messages).where(eq(messages.id, t.message.id));
    expect(msg!.unsubscribedAt).not.toBeNull();

    // SNS redelivers the same signed message: recorded once.
    expect(await (await post(t, stop)).json()).toMatchObject({ inboundSms: 0 });
    expect(await received(t.contact.id)).toHaveLength(1);

    expect((await send(t, t.phone, "START")).status).toBe(200);
    expect(await smsSubscription(t.contact.id)).toMatchObject({ status: "subscribed" });
    expect(await received(t.contact.id)).toHaveLength(2);
  });

  it("a text AWS matched to its STOP keyword opts out even when the body says more", async () => {
    const t = await setup("AwsKeyword");
    await send(t, t.phone, "stop texting me please", { messageKeyword: "STOP" });
    expect(await smsSubscription(t.contact.id)).toMatchObject({ status: "unsubscribed" });
  });

  it("HELP is answered with the workspace's help text from the number texted, once a minute per number", async () => {
    const t = await setup("AwsHelp");
    await updateSubscriptionSettings(t.ws, t.userId, {
      brandColor: "#2563eb",
      smsHelpText: "Acme: help at acme.example/help. Reply STOP to opt out.",
    });
    const res = await send(t, t.phone, "help");
    expect(res.status).toBe(200);
    const [answer, ...more] = helpAnswers(t.phone);
    expect(more).toHaveLength(0);
    expect(answer!.input).toMatchObject({
      OriginationIdentity: OUR_NUMBER,
      MessageBody: "Acme: help at acme.example/help. Reply STOP to opt out.",
    });
    expect(await received(t.contact.id)).toMatchObject([
      { properties: { keyword: "help", from: t.phone, to: OUR_NUMBER } },
    ]);
    // A second HELP within the minute is recorded but not answered again.
    expect((await send(t, t.phone, "HELP")).status).toBe(200);
    expect(helpAnswers(t.phone)).toHaveLength(1);
    expect(await received(t.contact.id)).toHaveLength(2);
    expect(await smsSubscription(t.contact.id)).toBeUndefined();
  });

  it("HELP that AWS matched to the number's own HELP keyword is recorded, not answered a second time", async () => {
    const t = await setup("AwsHelpKeyword");
    // AWS has answered it with the keyword's message set on the number (put-keyword).
    expect((await send(t, t.phone, "HELP", { messageKeyword: "HELP" })).status).toBe(200);
    expect(helpAnswers(t.phone)).toHaveLength(0);
    expect(await received(t.contact.id)).toMatchObject([{ properties: { keyword: "help" } }]);
  });

  it("HELP from a number that is no contact gets the built-in answer; nothing is recorded", async () => {
    const t = await setup("AwsHelpStranger");
    const stranger = "+14155550177";
    expect((await send(t, stranger, "INFO")).status).toBe(200);
    const [answer] = helpAnswers(stranger);
    expect(answer!.input.MessageBody).toContain("STOP");
    expect(answer!.input.OriginationIdentity).toBe(OUR_NUMBER);
  });

  it("a HELP answer AWS refuses is logged; the text stays recorded and the delivery accepted", async () => {
    const t = await setup("AwsHelpRefused");
    rig.aws.failNext({ status: 400, type: "ValidationException", message: "bad origination" });
    expect((await send(t, t.phone, "HELP")).status).toBe(200);
    expect(helpAnswers(t.phone)).toHaveLength(0);
    expect(await received(t.contact.id)).toHaveLength(1);
  });

  it("HELP without an End User Messaging provider is recorded, not answered", async () => {
    const t = await setup("AwsHelpNoProvider", { provider: false });
    const before = rig.aws.accepted.length;
    expect((await send(t, t.phone, "HELP")).status).toBe(200);
    expect(rig.aws.accepted.length).toBe(before);
    expect(await received(t.contact.id)).toHaveLength(1);
  });

  it("a reply is recorded on the SMS it answers (previousPublishedMessageId)", async () => {
    const t = await setup("AwsReply");
    expect(t.message.providerMessageId).toBeTruthy();
    await send(t, t.phone, "What time do you open?", {
      previousPublishedMessageId: t.message.providerMessageId!,
    });
    const [msg] = await db().select().from(messages).where(eq(messages.id, t.message.id));
    expect(msg!.repliedAt).not.toBeNull();
    expect(await received(t.contact.id)).toMatchObject([
      { properties: { keyword: null, inReplyTo: t.message.id } },
    ]);
  });

  it("refuses a forged signature, a stale replay, a bad token and an unknown message; records nothing", async () => {
    const t = await setup("AwsForged");
    const good = signed(text(t.phone, "STOP"));
    const forged = { ...good, Message: text("+14155550111", "STOP") };
    expect((await post(t, JSON.stringify(forged))).status).toBe(403);
    const unsigned = { ...good, Signature: Buffer.from("not a signature").toString("base64") };
    expect((await post(t, JSON.stringify(unsigned))).status).toBe(403);
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    const stale = signed(text(t.phone, "STOP"), { Timestamp: old });
    expect((await post(t, JSON.stringify(stale))).status).toBe(403);
    expect((await post(t, JSON.stringify(good), "bm90LXRoZS10b2tlbi14eHh4")).status).toBe(404);
    const unknown = signed(JSON.stringify({ originationNumber: t.phone, body: "STOP" }));
    expect((await post(t, JSON.stringify(unknown))).status).toBe(400);
    expect(await received(t.contact.id)).toHaveLength(0);
    expect(await smsSubscription(t.contact.id)).toBeUndefined();
  });
});
