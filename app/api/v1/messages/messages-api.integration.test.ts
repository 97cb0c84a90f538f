import { upsertSuppression } from "@/db/queries/suppressions";
import { normaliseAddress } from "@/lib/deliverability/normalise-address";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMessage } from "@/app/api/v1/messages/[messageId]/route";
import { POST as postMessages } from "@/app/api/v1/messages/route";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { db } from "@/db";
import { insertApiKey } from "@/db/queries/api-keys";
import { channelSubscriptions, contacts, events, messages } from "@/db/schema";
import { transactionalByChannel } from "@/db/queries/transactional";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { fakeProviderResponder } from "@/lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "@/lib/channels/testing/http-sink";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import { waitUntil } from "@/lib/channels/testing/wait-until";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { resolveChannelProvider } from "@/lib/messages/send/resolve-channel-provider";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";

/**
 * POST /api/v1/messages and GET /api/v1/messages/{id} on a real database, with SMS through the
 * Twilio provider into an HTTP sink and email through SMTP into an SMTP sink.
 */
let http: THttpSink;
let smtp: TSmtpSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
  http = await startHttpSink({ respond: fakeProviderResponder });
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await http.close();
  await smtp.close();
  await testDb.close();
});

const smsTo = (to: string) => http.requests.filter((r) => r.form().get("To") === to);

async function setup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  await saveChannelProvider(ws, tenant.user.id, "twilio", {
    baseUrl: http.url,
    accountSid: "AC0123456789abcdef0123456789abcdef",
    authToken: "twilio-auth-token-for-tests",
    fromNumber: "+15005550006",
  });
  await saveChannelProvider(ws, tenant.user.id, "smtp", {
    host: "127.0.0.1",
    port: smtp.port,
    secure: false,
    from: "orders@acme.test",
    fromName: "Acme",
  });
  // A North American exchange never starts with 0 or 1: such a number is no valid E.164 (a 400).
  const n = () => String(Math.floor(Math.random() * 8_000_000) + 2_000_000);
  const [ada, optedOut, bounced] = await db()
    .insert(contacts)
    .values([
      {
        workspaceId: ws,
        externalId: "ada",
        email: `ada-${name.toLowerCase()}@example.com`,
        phone: `+1415${n()}`,
        attributes: { firstName: "Ada" },
      },
      {
        workspaceId: ws,
        externalId: "gone",
        email: `gone-${name.toLowerCase()}@example.com`,
        phone: `+1415${n()}`,
      },
      { workspaceId: ws, externalId: "bounced", phone: `+1415${n()}` },
    ])
    .returning();
  await db().insert(channelSubscriptions).values({
    workspaceId: ws,
    contactId: optedOut!.id,
    channel: "all",
    status: "unsubscribed",
    source: "api",
    changedAt: new Date(),
  });
  // An earlier SMS to this number hard-bounced: the address is on the suppression list.
  await upsertSuppression(ws, {
    channel: "sms",
    address: normaliseAddress("sms", bounced!.phone!)!,
    reason: "hard_bounce",
    source: "test",
  });
  const send = (body: unknown, key = tenant.key) => callRoute(postMessages, {}, { key, body });
  return { tenant, ws, ada: ada!, optedOut: optedOut!, bounced: bounced!, send, n };
}

describe("POST /api/v1/messages", () => {
  it("sends inline SMS to a contact and a raw number now, with per-recipient context, marked transactional", async () => {
    const { ws, ada, send, n } = await setup("Inline");
    const raw = `+1628${n()}`;
    const res = await send({
      channel: "sms",
      content: {
        body: "Hi {{ contact.firstName | default: 'there' }}, order {{ context.order }} shipped",
      },
      recipients: [
        { userId: "ada", context: { order: "A-1" } },
        { phone: raw, context: { order: "B-2" } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json!.results).toEqual([
      expect.objectContaining({ index: 0, userId: "ada", status: "SUCCESSFUL", reason: null }),
      expect.objectContaining({ index: 1, address: raw, status: "SUCCESSFUL", reason: null }),
    ]);
    expect(smsTo(ada.phone!)[0]!.form().get("Body")).toBe("Hi Ada, order A-1 shipped");
    expect(smsTo(raw)[0]!.form().get("Body")).toBe("Hi there, order B-2 shipped");
    const rows = await db().select().from(messages).where(eq(messages.workspaceId, ws));
    const sent = rows.filter((m) => m.transactional);
    expect(sent).toHaveLength(2);
    expect(sent.every((m) => m.status === "sent" && m.provider === "twilio")).toBe(true);
    expect(sent.find((m) => m.recipient === raw)!.contactId).toBeNull();
    expect(sent.find((m) => m.contactId === ada.id)!.origin).toMatchObject({
      kind: "api",
      transactional: true,
    });
    // The contact's timeline and journeys see it like any other send.
    const contactEvents = await db()
      .select()
      .from(events)
      .where(and(eq(events.workspaceId, ws), eq(events.contactId, ada.id)));
    expect(contactEvents.map((e) => e.name)).toContain("SMS Sent");
    // The dashboards' Transactional table counts them apart.
    const today = new Date().toISOString().slice(0, 10);
    expect(await transactionalByChannel(ws, { from: today, to: today }, "UTC", null)).toEqual([
      expect.objectContaining({ channel: "sms", sent: 2, failed: 0 }),
    ]);
  });

  it("sends a published template by name and version over SMTP, with a recipient's subject override", async () => {
    const { tenant, ws, ada, send } = await setup("Template");
    const t = await createTemplate(ws, tenant.user.id, {
      name: "Order confirmation",
      channel: "email",
    });
    await saveTemplateDraft(ws, t.id, {
      content: {
        channel: "email",
        subject: "Order {{ context.order }} confirmed",
        preheader: "",
        theme: {
          brandColor: "#2563eb",
          backgroundColor: "#f3f4f6",
          fontFamily: "system",
          contentWidth: 600,
        },
        blocks: [
          {
            id: "t",
            type: "text",
            text: 'Thanks {{ contact.firstName | default: "friend" }}',
            align: "left",
          },
        ],
      },
    });
    await publishTemplate(ws, t.id, tenant.user.id);
    const res = await send({
      channel: "email",
      template: { name: "Order confirmation", version: 1 },
      context: { order: "C-3" },
      recipients: [
        { userId: "ada" },
        { email: "Guest@Example.com", overrides: { subject: "Your receipt {{ context.order }}" } },
      ],
    });
    expect(res.json!.results.map((r: { status: string }) => r.status)).toEqual([
      "SUCCESSFUL",
      "SUCCESSFUL",
    ]);
    await waitUntil(
      () =>
        smtp.mails.filter((m) => m.to.includes(ada.email!) || m.to.includes("guest@example.com"))
          .length >= 2 || undefined,
      10_000,
      "both emails at the SMTP sink",
    );
    const mine = smtp.mails.find((m) => m.to.includes(ada.email!))!;
    expect(mine.subject).toBe("Order C-3 confirmed");
    expect(mine.text).toContain("Thanks Ada");
    const guest = smtp.mails.find((m) => m.to.includes("guest@example.com"))!;
    expect(guest.subject).toBe("Your receipt C-3");
    const [row] = await db()
      .select()
      .from(messages)
      .where(eq(messages.id, res.json!.results[0].messageId));
    expect(row).toMatchObject({ templateId: t.id, templateVersion: 1, transactional: true });
  });

  it("honours global opt-outs and bounce suppression, names unknown users, and marks duplicates", async () => {
    const { optedOut, bounced, send } = await setup("Refusals");
    const res = await send({
      channel: "sms",
      content: { body: "Your code is 1234" },
      recipients: [
        { userId: "gone" },
        { phone: optedOut.phone },
        { userId: "bounced" },
        { userId: "nobody" },
        { userId: "ada" },
        { userId: "ada" },
      ],
    });
    const results = res.json!.results as { status: string; reason: string; messageId: string }[];
    expect(results.map((r) => r.status)).toEqual([
      "OPT_OUT",
      "OPT_OUT",
      "PERMANENT_FAILURE",
      "PERMANENT_FAILURE",
      "SUCCESSFUL",
      "DUPLICATE",
    ]);
    expect(results[0]!.reason).toMatch(/opted out of all messages/);
    expect(results[2]!.reason).toMatch(/^suppressed/);
    expect(results[3]!.reason).toMatch(/no contact with this userId/);
    expect(results[5]!.messageId).toBe(results[4]!.messageId);
    expect(smsTo(optedOut.phone!)).toHaveLength(0);
    expect(smsTo(bounced.phone!)).toHaveLength(0);
  });

  it("never sends twice for a retried request, and answers the same", async () => {
    const { ada, send } = await setup("Idempotent");
    const body = {
      channel: "sms",
      content: { body: "Password reset: {{ context.link }}" },
      recipients: [
        { userId: "ada", context: { link: "https://acme.test/r/1" } },
        { userId: "nobody" },
      ],
      idempotencyKey: "reset-42",
    };
    const first = await send(body);
    const again = await Promise.all([send(body), send(body)]);
    for (const r of again) expect(r.json).toEqual(first.json);
    expect(first.json!.requestId).toBe("reset-42");
    expect(smsTo(ada.phone!)).toHaveLength(1);
  });

  it("reports a provider's refusal as a temporary failure or throttle, and a retry with the same key sends it", async () => {
    const { ada, send } = await setup("Retry");
    http.respondNext({ status: 429, body: { code: 20429, message: "Too Many Requests" } });
    const body = {
      channel: "sms",
      content: { body: "Alert" },
      recipients: [{ userId: "ada" }],
      idempotencyKey: "alert-1",
    };
    const first = await send(body);
    expect(first.json!.results[0]).toMatchObject({ status: "THROTTLED" });
    const second = await send(body);
    expect(second.json!.results[0]).toMatchObject({
      status: "SUCCESSFUL",
      messageId: first.json!.results[0].messageId,
    });
    expect(smsTo(ada.phone!)).toHaveLength(2); // the refused attempt and the accepted one
  });

  it("answers 400 naming the field", async () => {
    const { tenant, ws, send } = await setup("Invalid");
    // A draft never published, and an SMS template published once.
    await createTemplate(ws, tenant.user.id, { name: "Draft", channel: "sms" });
    const sms = await createTemplate(ws, tenant.user.id, { name: "Sms", channel: "sms" });
    await saveTemplateDraft(ws, sms.id, { content: { channel: "sms", body: "Hi" } });
    await publishTemplate(ws, sms.id, tenant.user.id);
    const to = [{ userId: "ada" }];
    const cases: [unknown, string][] = [
      [{ channel: "sms", template: { name: "Draft" }, recipients: to }, "template.name"],
      [
        { channel: "sms", template: { id: sms.id, version: 2 }, recipients: to },
        "template.version",
      ],
      [{ channel: "email", template: { id: sms.id }, recipients: to }, "channel"],
      [{ channel: "sms", template: { id: ws }, recipients: to }, "template.id"],
      [
        { channel: "sms", content: { body: "x" }, recipients: [{ phone: "0123" }] },
        "recipients.0.phone",
      ],
      [
        { channel: "sms", content: { body: "x" }, recipients: [{ email: "a@b.co" }] },
        "recipients.0.email",
      ],
      [
        { channel: "email", content: { body: "no subject" }, recipients: [{ userId: "ada" }] },
        "content.subject",
      ],
      [{ channel: "sms", recipients: [{ userId: "ada" }] }, "template"],
      [
        { channel: "sms", template: { name: "Missing" }, recipients: [{ userId: "ada" }] },
        "template.name",
      ],
      [
        {
          channel: "sms",
          content: { body: "x" },
          recipients: Array.from({ length: 1001 }, () => ({ userId: "ada" })),
        },
        "recipients",
      ],
      [{ channel: "fax", content: { body: "x" }, recipients: [{ userId: "ada" }] }, "channel"],
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.json!.error.fields), field).toContain(field);
    }
  });

  it("needs a secret key with messages:send", async () => {
    const { tenant, send } = await setup("Keys");
    const { key, prefix, hash } = generateApiKey();
    await insertApiKey({
      workspaceId: tenant.workspace.id,
      name: "ingest only",
      prefix,
      keyHash: hash,
      kind: "secret",
      scopes: ["ingest"],
      createdBy: tenant.user.id,
    });
    const res = await send(
      { channel: "sms", content: { body: "x" }, recipients: [{ userId: "ada" }] },
      key,
    );
    expect(res.status).toBe(403);
    expect(res.json!.error.code).toBe("insufficient_scope");
  });

  it("uses provider instances of its own: the priority lane shares no connection pool with campaigns", async () => {
    const { ws } = await setup("Lane");
    const bulk = await resolveChannelProvider(ws, "sms");
    const lane = await resolveChannelProvider(ws, "sms", "transactional");
    expect(lane).not.toBeNull();
    expect(lane).not.toBe(bulk);
    expect(await resolveChannelProvider(ws, "sms", "transactional")).toBe(lane);
  });
});

describe("GET /api/v1/messages/{id}", () => {
  it("returns the message's lifecycle, and 404 for another workspace's message", async () => {
    const { tenant, send } = await setup("Lifecycle");
    const other = await setup("Lifecycle other");
    const res = await send({
      channel: "sms",
      content: { body: "Hi" },
      recipients: [{ userId: "ada" }],
    });
    const id = res.json!.results[0].messageId as string;
    const get = (messageId: string, key: string) =>
      callRoute(getMessage, { messageId }, { method: "GET", key });
    expect((await get(id, other.tenant.key)).status).toBe(404);
    expect((await get("not-a-uuid", tenant.key)).status).toBe(404);
    const mine = await get(id, tenant.key);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({
      id,
      transactional: true,
      status: "sent",
      deliveryStatus: "SUCCESSFUL",
    });
    expect(mine.json!.events.map((e: { type: string }) => e.type)).toEqual(["queued", "sent"]);
  });
});
