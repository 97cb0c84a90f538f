import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@/db/testing/test-db";
import { POST } from "@/app/api/webhooks/feedback/[endpoint]/[workspaceId]/[token]/route";
import { db } from "@/db";
import {
  channelSubscriptions,
  contacts,
  deliveryFeedback,
  messageEvents,
  messages,
  suppressions,
} from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { TEST_AWS_KEY } from "@/lib/channels/testing/aws-sink";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { sendMessage } from "@/lib/messages/send/send-message";
import { feedbackToken, updateDeliverabilitySettings } from "./deliverability-settings";
import { mailgunSignature } from "./receivers/mailgun";
import { svixSignature } from "./receivers/resend";
import { sesBounce, signedSnsMessage } from "./testing/sns-fixtures";
import { snsRig } from "./testing/sns-rig";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());
const rig = snsRig();

type TTenant = Awaited<ReturnType<typeof setup>>;

/** A workspace with one contact who was sent one email (to the outbox). */
async function setup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  const template = await createTemplate(ws, tenant.user.id, { name: "News", channel: "email" });
  await publishTemplate(ws, template.id, tenant.user.id);
  const email = `Lan.${randomUUID().slice(0, 8)}@Example.com`;
  const [contact] = await db()
    .insert(contacts)
    .values({ workspaceId: ws, externalId: `u-${name}`, email, phone: "+14155550123" })
    .returning();
  const sent = await sendMessage({
    workspaceId: ws,
    contactId: contact!.id,
    templateId: template.id,
    idempotencyKey: `run:${name}`,
    origin: { kind: "journey" },
  });
  return { ws, userId: tenant.user.id, contact: contact!, email, sent, templateId: template.id };
}

function post(
  t: { ws: string },
  endpoint: string,
  body: string,
  headers: Record<string, string> = {},
  token = feedbackToken(t.ws),
) {
  const path = `/api/webhooks/feedback/${endpoint}/${t.ws}/${token}`;
  return POST(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
    { params: Promise.resolve({ endpoint, workspaceId: t.ws, token }) },
  );
}

const suppressionsOf = (ws: string) =>
  db().select().from(suppressions).where(eq(suppressions.workspaceId, ws));
const feedbackOf = (ws: string) =>
  db().select().from(deliveryFeedback).where(eq(deliveryFeedback.workspaceId, ws));
const messageRow = async (id: string) =>
  (await db().select().from(messages).where(eq(messages.id, id)))[0]!;

const sns = (fields: Parameters<typeof signedSnsMessage>[2], version: "1" | "2" = "2") =>
  JSON.stringify(signedSnsMessage(rig.cert.privateKey, rig.certServer.certUrl, fields, version));

describe("SES and End User Messaging through SNS", () => {
  let t: TTenant;
  beforeAll(async () => {
    t = await setup("Sns");
  });

  it("confirms a signed subscription through its SubscribeURL", async () => {
    const res = await post(
      t,
      "sns",
      sns({
        Type: "SubscriptionConfirmation",
        Message: "You have chosen to subscribe to the topic",
        Token: "token-1",
        SubscribeURL: `${rig.certServer.origin}/?Action=ConfirmSubscription&TopicArn=arn&Token=token-1`,
      }),
    );
    expect(res.status).toBe(200);
    expect(rig.certServer.confirmations).toHaveLength(1);
  });

  it("a hard bounce suppresses the address at once and marks its message bounced; a replay changes nothing", async () => {
    const body = sns({ Message: sesBounce(t.email, { messageId: t.sent.messageId }) });
    const res = await post(t, "sns", body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ applied: 1, duplicates: 0 });
    const [s] = await suppressionsOf(t.ws);
    expect(s).toMatchObject({
      channel: "email",
      address: t.email.toLowerCase(),
      reason: "hard_bounce",
      source: "ses",
      messageId: t.sent.messageId,
      expiresAt: null,
    });
    expect(await messageRow(t.sent.messageId)).toMatchObject({ status: "bounced" });

    const again = await post(t, "sns", body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ applied: 0, duplicates: 1 });
    expect(await feedbackOf(t.ws)).toHaveLength(1);
  });

  it("refuses a forged signature, a stale replay, a foreign certificate URL and an unknown type", async () => {
    const before = (await feedbackOf(t.ws)).length;
    const signed = signedSnsMessage(rig.cert.privateKey, rig.certServer.certUrl, {
      Message: sesBounce("victim@example.com"),
    });
    const forged = { ...signed, Message: sesBounce("someone-else@example.com") };
    expect((await post(t, "sns", JSON.stringify(forged))).status).toBe(403);

    const { privateKey: otherKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const otherSigner = signedSnsMessage(otherKey, rig.certServer.certUrl, {
      Message: sesBounce("victim@example.com"),
    });
    expect((await post(t, "sns", JSON.stringify(otherSigner))).status).toBe(403);

    const stale = sns({
      Message: sesBounce("victim@example.com"),
      Timestamp: new Date(Date.now() - 2 * 3600_000).toISOString(),
    });
    expect((await post(t, "sns", stale)).status).toBe(403);

    const foreign = sns({
      Message: sesBounce("victim@example.com"),
      SigningCertURL: "https://sns.evil.example.com/x.pem",
    });
    expect((await post(t, "sns", foreign)).status).toBe(403);

    const unknown = await post(
      t,
      "sns",
      sns({ Message: JSON.stringify({ notificationType: "Weird", mail: {} }) }),
    );
    expect(unknown.status).toBe(400);
    expect(
      await post(
        t,
        "sns",
        sns({ Message: sesBounce("victim@example.com") }),
        {},
        "bm90LXRoZS10b2tlbi14eHh4",
      ),
    ).toHaveProperty("status", 404);
    expect(await feedbackOf(t.ws)).toHaveLength(before);
    expect((await suppressionsOf(t.ws)).map((s) => s.address)).not.toContain("victim@example.com");
  });

  it("a complaint (SignatureVersion 1, event publishing form) suppresses and opts the contact out of email", async () => {
    const u = await setup("SnsComplaint");
    const res = await post(
      u,
      "sns",
      sns(
        {
          Message: JSON.stringify({
            eventType: "Complaint",
            complaint: {
              complainedRecipients: [{ emailAddress: u.email }],
              timestamp: new Date().toISOString(),
              complaintFeedbackType: "abuse",
            },
            mail: {
              messageId: "ses-1",
              commonHeaders: { messageId: `<${u.sent.messageId}@x.test>` },
            },
          }),
        },
        "1",
      ),
    );
    expect(res.status).toBe(200);
    expect(await suppressionsOf(u.ws)).toMatchObject([{ reason: "complaint", source: "ses" }]);
    const [sub] = await db()
      .select()
      .from(channelSubscriptions)
      .where(
        and(
          eq(channelSubscriptions.contactId, u.contact.id),
          eq(channelSubscriptions.channel, "email"),
        ),
      );
    expect(sub).toMatchObject({ status: "unsubscribed", source: "complaint" });
    expect((await messageRow(u.sent.messageId)).unsubscribedAt).not.toBeNull();
  });

  it("soft bounces suppress only after the workspace's limit, and expire", async () => {
    const u = await setup("SnsSoft");
    await updateDeliverabilitySettings(u.ws, u.userId, {
      softBounceLimit: 2,
      softBounceWindowDays: 7,
      softBounceSuppressDays: 3,
    });
    const soft = () => post(u, "sns", sns({ Message: sesBounce(u.email, { permanent: false }) }));
    expect((await soft()).status).toBe(200);
    expect(await suppressionsOf(u.ws)).toHaveLength(0);
    expect((await soft()).status).toBe(200);
    const [s] = await suppressionsOf(u.ws);
    expect(s).toMatchObject({ reason: "soft_bounce" });
    const days = (s!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);
    // A hard bounce later makes it permanent; a soft one after that does not weaken it.
    await post(u, "sns", sns({ Message: sesBounce(u.email) }));
    await soft();
    expect(await suppressionsOf(u.ws)).toMatchObject([{ reason: "hard_bounce", expiresAt: null }]);
  });

  it("End User Messaging SMS events: TEXT_BLOCKED suppresses the number, TEXT_DELIVERED does not, unknown types are refused", async () => {
    const u = await setup("Sms");
    const event = (eventType: string) =>
      sns({
        Message: JSON.stringify({
          eventType,
          eventVersion: "1.0",
          eventTimestamp: Date.now(),
          isFinal: true,
          destinationPhoneNumber: "+1 415 555 0123",
          messageId: `eum-${randomUUID()}`,
          messageStatus: eventType.replace("TEXT_", ""),
          messageStatusDescription: "Blocked as spam by carrier",
        }),
      });
    expect((await post(u, "sns", event("TEXT_DELIVERED"))).status).toBe(200);
    expect(await suppressionsOf(u.ws)).toHaveLength(0);
    expect((await post(u, "sns", event("TEXT_BLOCKED"))).status).toBe(200);
    expect(await suppressionsOf(u.ws)).toMatchObject([
      { channel: "sms", address: "+14155550123", reason: "blocked", source: "sms_events" },
    ]);
    expect((await post(u, "sns", event("TEXT_SOMETHING_NEW"))).status).toBe(400);
    expect(await feedbackOf(u.ws)).toHaveLength(2);
  });

  it("End User Messaging SMS events: a forged signature and a stale replay are refused, a replay of a good one changes nothing", async () => {
    const u = await setup("SmsForged");
    const blocked = (number: string, fields: { Timestamp?: string } = {}) =>
      signedSnsMessage(rig.cert.privateKey, rig.certServer.certUrl, {
        Message: JSON.stringify({
          eventType: "TEXT_BLOCKED",
          eventVersion: "1.0",
          eventTimestamp: Date.now(),
          isFinal: true,
          destinationPhoneNumber: number,
          messageId: `eum-${randomUUID()}`,
          messageStatus: "BLOCKED",
        }),
        ...fields,
      });
    // Signed for one number, delivered naming another: the signature no longer holds.
    const forged = { ...blocked("+14155550123"), Message: blocked("+14155550199").Message };
    expect((await post(u, "sns", JSON.stringify(forged))).status).toBe(403);
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    expect(
      (await post(u, "sns", JSON.stringify(blocked("+14155550123", { Timestamp: old })))).status,
    ).toBe(403);
    expect(await feedbackOf(u.ws)).toHaveLength(0);
    expect(await suppressionsOf(u.ws)).toHaveLength(0);

    const good = JSON.stringify(blocked("+14155550123"));
    expect(await (await post(u, "sns", good)).json()).toMatchObject({ applied: 1, duplicates: 0 });
    expect(await (await post(u, "sns", good)).json()).toMatchObject({ applied: 0, duplicates: 1 });
    expect(await feedbackOf(u.ws)).toHaveLength(1);
    expect(await suppressionsOf(u.ws)).toMatchObject([
      { channel: "sms", address: "+14155550123", reason: "blocked" },
    ]);
  });
});

/** A workspace sending email through SES (the loopback AWS), so its messages wait in `sent`. */
async function sesSetup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  await saveChannelProvider(ws, tenant.user.id, "ses", {
    region: "us-east-1",
    endpoint: rig.aws.url,
    ...TEST_AWS_KEY,
    from: "news@acme.test",
    configurationSetName: "waymark",
  });
  const template = await createTemplate(ws, tenant.user.id, { name: "News", channel: "email" });
  await publishTemplate(ws, template.id, tenant.user.id);
  const email = `ses.${randomUUID().slice(0, 8)}@example.com`;
  const [contact] = await db()
    .insert(contacts)
    .values({ workspaceId: ws, externalId: `u-${name}`, email })
    .returning();
  const send = async (key: string) => {
    const outcome = await sendMessage({
      workspaceId: ws,
      contactId: contact!.id,
      templateId: template.id,
      idempotencyKey: key,
      origin: { kind: "journey" },
    });
    expect(outcome.status).toBe("sent");
    return messageRow(outcome.messageId);
  };
  return { ws, email, contact: contact!, send };
}

describe("SES Delivery, Reject and DeliveryDelay", () => {
  const eventsOf = (messageId: string) =>
    db()
      .select({ type: messageEvents.type })
      .from(messageEvents)
      .where(eq(messageEvents.messageId, messageId));

  it("a Delivery marks the message delivered and suppresses nothing", async () => {
    const u = await sesSetup("SesDelivery");
    const m = await u.send("delivery-1");
    expect(m).toMatchObject({ provider: "ses", status: "sent", deliveredAt: null });
    // The notification form, naming the message only by SES's own id.
    const res = await post(
      u,
      "sns",
      sns({
        Message: JSON.stringify({
          notificationType: "Delivery",
          mail: { messageId: m.providerMessageId, destination: [u.email] },
          delivery: {
            timestamp: new Date().toISOString(),
            recipients: [u.email],
            smtpResponse: "250 2.0.0 OK",
          },
        }),
      }),
    );
    expect(await res.json()).toMatchObject({ applied: 1 });
    const after = await messageRow(m.id);
    expect(after.status).toBe("delivered");
    expect(after.deliveredAt).not.toBeNull();
    expect((await eventsOf(m.id)).map((e) => e.type)).toContain("delivered");
    expect(await suppressionsOf(u.ws)).toHaveLength(0);
    expect(await feedbackOf(u.ws)).toMatchObject([{ type: "delivered", provider: "ses" }]);
  });

  it("a Reject fails its message but never suppresses the address: SES refused the content (a virus), not the mailbox", async () => {
    const u = await sesSetup("SesReject");
    const m = await u.send("reject-1");
    const res = await post(
      u,
      "sns",
      sns({
        Message: JSON.stringify({
          eventType: "Reject",
          mail: {
            timestamp: new Date().toISOString(),
            messageId: m.providerMessageId,
            destination: [u.email],
            tags: { "waymark-message-id": [m.id] },
          },
          reject: { reason: "Bad content" },
        }),
      }),
    );
    expect(await res.json()).toMatchObject({ applied: 1 });
    expect(await messageRow(m.id)).toMatchObject({
      status: "failed",
      reason: "rejected: Bad content",
    });
    expect(await suppressionsOf(u.ws)).toHaveLength(0);
    const subs = await db()
      .select()
      .from(channelSubscriptions)
      .where(eq(channelSubscriptions.contactId, u.contact.id));
    expect(subs.filter((s) => s.status === "unsubscribed")).toEqual([]);
    // The address still gets the next message.
    expect((await u.send("reject-2")).status).toBe("sent");
  });

  it("a DeliveryDelay is recorded and nothing more: however many arrive, no suppression, no status change", async () => {
    const u = await sesSetup("SesDelay");
    const m = await u.send("delay-1");
    const delay = () =>
      sns({
        Message: JSON.stringify({
          eventType: "DeliveryDelay",
          mail: {
            timestamp: new Date().toISOString(),
            messageId: m.providerMessageId,
            destination: [u.email],
            commonHeaders: { messageId: `<${m.id}@acme.test>` },
          },
          deliveryDelay: {
            timestamp: new Date().toISOString(),
            delayType: "TransientCommunicationFailure",
            expirationTime: new Date(Date.now() + 86_400_000).toISOString(),
            delayedRecipients: [
              { emailAddress: u.email, status: "4.4.7", diagnosticCode: "smtp; 421 4.4.7 later" },
            ],
          },
        }),
      });
    // More delays than the soft-bounce limit (3 in 7 days): a delay is not a bounce.
    for (let i = 0; i < 4; i++)
      expect(await (await post(u, "sns", delay())).json()).toMatchObject({ applied: 1 });
    expect((await feedbackOf(u.ws)).map((f) => f.type)).toEqual([
      "delayed",
      "delayed",
      "delayed",
      "delayed",
    ]);
    expect(await messageRow(m.id)).toMatchObject({ status: "sent", deliveredAt: null });
    expect((await eventsOf(m.id)).map((e) => e.type)).not.toContain("bounced");
    expect(await suppressionsOf(u.ws)).toHaveLength(0);
    expect((await u.send("delay-2")).status).toBe("sent");
  });
});

describe("SendGrid signed event webhook", () => {
  it("verifies the ECDSA signature, applies bounces and spam reports, skips unknown events, refuses forgeries and stale ones", async () => {
    const t = await setup("Sendgrid");
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    await updateDeliverabilitySettings(t.ws, t.userId, {
      softBounceLimit: 3,
      softBounceWindowDays: 7,
      softBounceSuppressDays: 7,
      sendgridPublicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    });
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify([
      {
        email: t.email,
        event: "bounce",
        type: "bounce",
        timestamp: now,
        sg_event_id: "ev-1",
        sg_message_id: "sg1.filter",
        reason: "550 5.1.1 unknown",
        waymark_message_id: t.sent.messageId,
      },
      { email: "angry@example.com", event: "spamreport", timestamp: now, sg_event_id: "ev-2" },
      { email: t.email, event: "open", timestamp: now, sg_event_id: "ev-3" },
      { email: t.email, event: "teleported", timestamp: now, sg_event_id: "ev-4" },
    ]);
    const signed = (b: string, ts = String(now), key = privateKey) => ({
      "x-twilio-email-event-webhook-timestamp": ts,
      "x-twilio-email-event-webhook-signature": sign("sha256", Buffer.from(ts + b), key).toString(
        "base64",
      ),
    });
    const res = await post(t, "sendgrid", body, signed(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ applied: 2, ignoredTypes: 1, unknown: 1 });
    expect((await suppressionsOf(t.ws)).map((s) => [s.address, s.reason]).sort()).toEqual([
      ["angry@example.com", "complaint"],
      [t.email.toLowerCase(), "hard_bounce"],
    ]);
    expect(await messageRow(t.sent.messageId)).toMatchObject({ status: "bounced" });

    const replay = await post(t, "sendgrid", body, signed(body));
    expect(await replay.json()).toMatchObject({ applied: 0, duplicates: 2 });

    const other = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;
    expect((await post(t, "sendgrid", body, signed(body, String(now), other))).status).toBe(403);
    const old = String(now - 3600);
    expect((await post(t, "sendgrid", body, signed(body, old))).status).toBe(403);
    expect(await feedbackOf(t.ws)).toHaveLength(2);
  });
});

describe("Postmark webhooks", () => {
  it("applies a hard bounce once, refuses an unknown record type and a wrong URL token", async () => {
    const t = await setup("Postmark");
    const bounce = JSON.stringify({
      RecordType: "Bounce",
      ID: 4323372036854775807,
      Type: "HardBounce",
      TypeCode: 1,
      Email: t.email,
      BouncedAt: new Date().toISOString(),
      MessageID: "883953f4-6105-42a2-a16a-77a8eac79483",
      Details: "smtp;550 5.1.1 The email account that you tried to reach does not exist",
    });
    expect((await post(t, "postmark", bounce)).status).toBe(200);
    expect(await suppressionsOf(t.ws)).toMatchObject([
      { reason: "hard_bounce", source: "postmark" },
    ]);
    expect(await (await post(t, "postmark", bounce)).json()).toMatchObject({ duplicates: 1 });
    expect(
      (await post(t, "postmark", JSON.stringify({ RecordType: "Teleport", ID: 1 }))).status,
    ).toBe(400);
    const forged = await post(
      t,
      "postmark",
      bounce.replace("4323372036854775807", "1"),
      {},
      feedbackToken(randomUUID()),
    );
    expect(forged.status).toBe(404);
    expect(await feedbackOf(t.ws)).toHaveLength(1);
  });
});

describe("Mailgun webhooks", () => {
  it("checks the HMAC signature and its timestamp, applies a permanent failure once", async () => {
    const t = await setup("Mailgun");
    const key = "key-mailgun-signing-key-for-tests";
    await updateDeliverabilitySettings(t.ws, t.userId, {
      softBounceLimit: 3,
      softBounceWindowDays: 7,
      softBounceSuppressDays: 7,
      mailgunSigningKey: key,
    });
    const body = (event: string, opts: { ts?: number; signKey?: string; token?: string } = {}) => {
      const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
      const token = opts.token ?? randomUUID();
      return JSON.stringify({
        signature: {
          timestamp: ts,
          token,
          signature: mailgunSignature(opts.signKey ?? key, ts, token),
        },
        "event-data": {
          event,
          id: `mg-${event}-1`,
          severity: "permanent",
          recipient: t.email,
          timestamp: Date.now() / 1000,
          message: { headers: { "message-id": `${t.sent.messageId}@acme.test` } },
          "delivery-status": { code: 550, description: "No such user" },
        },
      });
    };
    expect((await post(t, "mailgun", body("failed"))).status).toBe(200);
    expect(await suppressionsOf(t.ws)).toMatchObject([
      { reason: "hard_bounce", source: "mailgun" },
    ]);
    expect(await messageRow(t.sent.messageId)).toMatchObject({ status: "bounced" });
    expect(await (await post(t, "mailgun", body("failed"))).json()).toMatchObject({
      duplicates: 1,
    });
    expect((await post(t, "mailgun", body("failed", { signKey: "wrong" }))).status).toBe(403);
    expect(
      (await post(t, "mailgun", body("failed", { ts: Math.floor(Date.now() / 1000) - 86_400 })))
        .status,
    ).toBe(403);
    expect((await post(t, "mailgun", body("teleported"))).status).toBe(400);
    expect(await feedbackOf(t.ws)).toHaveLength(1);
  });
});

describe("Resend webhooks (Svix signatures)", () => {
  it("verifies svix-signature and its timestamp, applies a bounce once per svix-id", async () => {
    const t = await setup("Resend");
    const secret = `whsec_${Buffer.from("resend-secret-for-tests-32-bytes!").toString("base64")}`;
    await updateDeliverabilitySettings(t.ws, t.userId, {
      softBounceLimit: 3,
      softBounceWindowDays: 7,
      softBounceSuppressDays: 7,
      resendSecret: secret,
    });
    const event = (type: string) =>
      JSON.stringify({
        type,
        created_at: new Date().toISOString(),
        data: {
          email_id: "re_123",
          to: [t.email],
          bounce: { type: "Permanent", message: "Mailbox does not exist" },
          tags: { "waymark-message-id": t.sent.messageId },
        },
      });
    const headers = (b: string, opts: { id?: string; ts?: number; key?: string } = {}) => {
      const id = opts.id ?? `msg_${randomUUID()}`;
      const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
      return {
        "svix-id": id,
        "svix-timestamp": ts,
        "svix-signature": `v1,bm90LXRoaXMtb25l v1,${svixSignature(opts.key ?? secret, id, ts, b)}`,
      };
    };
    const bounced = event("email.bounced");
    const h = headers(bounced);
    expect((await post(t, "resend", bounced, h)).status).toBe(200);
    expect(await suppressionsOf(t.ws)).toMatchObject([{ reason: "hard_bounce", source: "resend" }]);
    expect(await (await post(t, "resend", bounced, h)).json()).toMatchObject({ duplicates: 1 });
    const wrongKey = `whsec_${Buffer.from("another-secret").toString("base64")}`;
    expect((await post(t, "resend", bounced, headers(bounced, { key: wrongKey }))).status).toBe(
      403,
    );
    expect(
      (
        await post(
          t,
          "resend",
          bounced,
          headers(bounced, { ts: Math.floor(Date.now() / 1000) - 3600 }),
        )
      ).status,
    ).toBe(403);
    const weird = event("email.teleported");
    expect((await post(t, "resend", weird, headers(weird))).status).toBe(400);
    expect(await feedbackOf(t.ws)).toHaveLength(1);
  });
});

describe("SMTP bounces (RFC 3464 DSN)", () => {
  it("a DSN to the VERP return path bounces its message; a replay and a non-DSN change nothing", async () => {
    const t = await setup("Dsn");
    const dsn = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>",
      `To: bounces+${t.sent.messageId}@mail.acme.test`,
      "Subject: Undelivered Mail Returned to Sender",
      "Message-ID: <dsn-1@mx.acme.test>",
      "MIME-Version: 1.0",
      "Content-Type: multipart/report; report-type=delivery-status;",
      '\tboundary="B0UND"',
      "",
      "--B0UND",
      "Content-Type: text/plain",
      "",
      "This is the mail system. Your message could not be delivered.",
      "--B0UND",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.acme.test",
      "Arrival-Date: Mon, 7 Dec 2026 00:00:00 +0000",
      "",
      `Final-Recipient: rfc822; ${t.email}`,
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 <x>: Recipient address rejected",
      "",
      "--B0UND--",
      "",
    ].join("\r\n");
    const res = await post(t, "dsn", dsn, { "content-type": "message/rfc822" });
    expect(res.status).toBe(200);
    expect(await suppressionsOf(t.ws)).toMatchObject([
      { reason: "hard_bounce", source: "smtp_dsn", messageId: t.sent.messageId },
    ]);
    expect(await messageRow(t.sent.messageId)).toMatchObject({ status: "bounced" });
    expect(await (await post(t, "dsn", dsn)).json()).toMatchObject({ duplicates: 1 });
    const reply = "From: a@b.test\r\nSubject: Re: hello\r\nContent-Type: text/plain\r\n\r\nThanks!";
    expect((await post(t, "dsn", reply)).status).toBe(400);
    expect(await feedbackOf(t.ws)).toHaveLength(1);
  });
});
