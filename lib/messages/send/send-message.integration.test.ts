import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { channelSubscriptions, contacts, events, messageEvents, messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import type { TTemplateContent } from "@/lib/templates/template-content";
import { saveChannelProvider } from "./configure-channel-provider";
import { actOnInboxMessage, readInbox } from "../inbox/inbox";
import { recordEngagement, unsubscribeFromMessage } from "../engagement/record-engagement";
import { sendMessage } from "./send-message";

let sink: TSmtpSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink({ auth: { user: "mailer", pass: "s3cret-pass" } });
});
afterAll(async () => {
  await sink.close();
  await testDb.close();
});

const EMAIL: TTemplateContent = {
  channel: "email",
  subject: 'Welcome, {{ contact.firstName | default: "friend" }}',
  preheader: "",
  theme: {
    brandColor: "#2563eb",
    backgroundColor: "#f3f4f6",
    fontFamily: "system",
    contentWidth: 600,
  },
  blocks: [
    {
      id: "h",
      type: "heading",
      level: 1,
      text: 'Hi {{ contact.firstName | default: "there" }}',
      align: "left",
    },
    {
      id: "b",
      type: "button",
      label: "Shop now",
      url: "https://shop.test/new",
      textColor: "#ffffff",
      align: "center",
    },
    { id: "f", type: "footer", text: "Acme Inc.", unsubscribeText: "Unsubscribe" },
  ],
};

async function setup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  await saveChannelProvider(ws, tenant.user.id, "smtp", {
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
    user: "mailer",
    password: "s3cret-pass",
    from: "hello@acme.test",
    fromName: "Acme",
  });
  const template = await createTemplate(ws, tenant.user.id, { name: "Welcome", channel: "email" });
  await saveTemplateDraft(ws, template.id, { content: EMAIL });
  await publishTemplate(ws, template.id, tenant.user.id);
  const [contact] = await db()
    .insert(contacts)
    .values({
      workspaceId: ws,
      externalId: `u-${name}`,
      email: `${name.toLowerCase()}@example.com`,
      attributes: { firstName: "<b>Ada</b>" },
    })
    .returning();
  return { tenant, ws, template, contact: contact! };
}

const send = (ws: string, contactId: string, templateId: string, key: string) =>
  sendMessage({
    workspaceId: ws,
    contactId,
    templateId,
    idempotencyKey: key,
    origin: { kind: "journey", journeyId: "j1", nodeId: "n1" },
  });

describe("sendMessage", () => {
  it("renders, sends over real SMTP with unsubscribe headers, and records the lifecycle", async () => {
    const { ws, template, contact } = await setup("Alpha");
    const outcome = await send(ws, contact.id, template.id, "run-1:n1");
    expect(outcome).toMatchObject({ status: "sent", duplicate: false, retryable: false });

    const mail = await sink.waitFor((m) => m.to.includes("alpha@example.com"));
    expect(mail.subject).toBe("Welcome, <b>Ada</b>");
    // Attribute HTML is escaped in the body; the text part has the words, not the markup.
    expect(mail.html).toContain("Hi &lt;b&gt;Ada&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Ada</b>");
    expect(mail.text).toContain("Hi <b>Ada</b>");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<http.*\/u\/[A-Za-z0-9_-]{44}>$/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.html).toMatch(/\/t\/c\/[A-Za-z0-9_-]{44}\?u=https%3A%2F%2Fshop.test%2Fnew/);
    expect(mail.html).toMatch(/\/t\/o\/[A-Za-z0-9_-]{44}/);
    expect(mail.user).toBe("mailer");

    const [row] = await db().select().from(messages).where(eq(messages.id, outcome.messageId));
    expect(row).toMatchObject({
      status: "sent",
      provider: "smtp",
      templateVersion: 1,
      recipient: "alpha@example.com",
    });
    const types = (
      await db().select().from(messageEvents).where(eq(messageEvents.messageId, outcome.messageId))
    ).map((e) => e.type);
    expect(types).toEqual(["queued", "sent"]);
    const contactEvents = await db().select().from(events).where(eq(events.contactId, contact.id));
    expect(contactEvents.map((e) => e.name)).toEqual(["Email Sent"]);
  });

  it("a test send carries no open pixel and no click redirects", async () => {
    const { ws, template, contact } = await setup("Tester");
    const outcome = await sendMessage({
      workspaceId: ws,
      contactId: contact.id,
      templateId: template.id,
      idempotencyKey: "test-send-1",
      origin: { kind: "test", userId: "u" },
    });
    expect(outcome.status).toBe("sent");
    const mail = await sink.waitFor((m) => m.to.includes("tester@example.com"));
    expect(mail.html).toContain('href="https://shop.test/new"');
    expect(mail.html).not.toMatch(/\/t\/[oc]\//);
  });

  it("sends once for one idempotency key", async () => {
    const { ws, template, contact } = await setup("Beta");
    const first = await send(ws, contact.id, template.id, "run-2:n1");
    const again = await Promise.all([
      send(ws, contact.id, template.id, "run-2:n1"),
      send(ws, contact.id, template.id, "run-2:n1"),
    ]);
    expect(again.map((o) => o.messageId)).toEqual([first.messageId, first.messageId]);
    expect(again.every((o) => o.duplicate)).toBe(true);
    expect(sink.mails.filter((m) => m.to.includes("beta@example.com"))).toHaveLength(1);
    expect(await db().$count(messages, eq(messages.workspaceId, ws))).toBe(1);
  });

  it("a send claimed by a process that died is taken over once its claim is stale, never assumed sent", async () => {
    const { ws, template, contact } = await setup("Crash");
    sink.failNext(1, { code: 451, message: "Try later" });
    const first = await send(ws, contact.id, template.id, "k-crash");
    expect(first.status).toBe("queued");
    // As if a worker claimed it and was killed before the provider answered.
    await db()
      .update(messages)
      .set({ status: "sending", sendingSince: new Date() })
      .where(eq(messages.id, first.messageId));
    const busy = await send(ws, contact.id, template.id, "k-crash");
    expect(busy).toMatchObject({ status: "sending", retryable: true });
    await db()
      .update(messages)
      .set({ sendingSince: new Date(Date.now() - 120_000) })
      .where(eq(messages.id, first.messageId));
    const resumed = await send(ws, contact.id, template.id, "k-crash");
    expect(resumed).toMatchObject({ status: "sent", messageId: first.messageId });
    expect(sink.mails.filter((m) => m.to.includes("crash@example.com"))).toHaveLength(1);
  });

  it("skips opted-out contacts and contacts with no address, with the reason", async () => {
    const { ws, template, contact } = await setup("Gamma");
    await db().insert(channelSubscriptions).values({
      workspaceId: ws,
      contactId: contact.id,
      channel: "email",
      status: "unsubscribed",
      source: "api",
      changedAt: new Date(),
    });
    const out = await send(ws, contact.id, template.id, "k1");
    expect(out.status).toBe("skipped");
    expect(out.reason).toMatch(/opted out of email/);
    const [noEmail] = await db()
      .insert(contacts)
      .values({ workspaceId: ws, externalId: "no-email" })
      .returning();
    const out2 = await send(ws, noEmail!.id, template.id, "k2");
    expect(out2).toMatchObject({ status: "skipped", reason: "no email address" });
    expect(sink.mails.some((m) => m.to.includes("gamma@example.com"))).toBe(false);
  });

  it("skips with a reason when a printed value is missing and has no default", async () => {
    const { tenant, ws, contact } = await setup("Delta");
    const t = await createTemplate(ws, tenant.user.id, { name: "Needs plan", channel: "email" });
    await saveTemplateDraft(ws, t.id, {
      content: { ...EMAIL, subject: "Your {{ contact.plan }} plan" },
    });
    await publishTemplate(ws, t.id, tenant.user.id);
    const out = await send(ws, contact.id, t.id, "k3");
    expect(out.status).toBe("skipped");
    expect(out.reason).toContain("contact.plan");
  });

  it("classifies SMTP failures: a 4xx is queued for retry and sends once on retry, a 5xx fails for good", async () => {
    const { ws, template, contact } = await setup("Epsilon");
    sink.failNext(1, { code: 451, message: "Greylisted" });
    const first = await send(ws, contact.id, template.id, "k4");
    expect(first).toMatchObject({ status: "queued", retryable: true });
    const retry = await send(ws, contact.id, template.id, "k4");
    expect(retry).toMatchObject({ status: "sent", messageId: first.messageId });
    expect(sink.mails.filter((m) => m.to.includes("epsilon@example.com"))).toHaveLength(1);

    sink.failNext(1, { code: 550, message: "No such user" });
    const bad = await send(ws, contact.id, template.id, "k5");
    expect(bad).toMatchObject({ status: "failed", retryable: false });
    expect(bad.reason).toContain("550");
  });

  it("records opens once per contact, and the unsubscribe link opts the contact out", async () => {
    const { ws, template, contact } = await setup("Zeta");
    const out = await send(ws, contact.id, template.id, "k6");
    await recordEngagement({ workspaceId: ws, messageId: out.messageId, type: "opened" });
    await recordEngagement({ workspaceId: ws, messageId: out.messageId, type: "opened" });
    await unsubscribeFromMessage(ws, out.messageId);
    await unsubscribeFromMessage(ws, out.messageId);

    const types = (
      await db().select().from(messageEvents).where(eq(messageEvents.messageId, out.messageId))
    ).map((e) => e.type);
    expect(types.filter((t) => t === "opened")).toHaveLength(2);
    const names = (await db().select().from(events).where(eq(events.contactId, contact.id)))
      .map((e) => e.name)
      .sort();
    expect(names).toEqual(["$subscription_changed", "Email Opened", "Email Sent", "Unsubscribed"]);
    const [sub] = await db()
      .select()
      .from(channelSubscriptions)
      .where(
        and(
          eq(channelSubscriptions.contactId, contact.id),
          eq(channelSubscriptions.channel, "email"),
        ),
      );
    expect(sub).toMatchObject({ status: "unsubscribed", source: "unsubscribe_link" });
    // The next send is refused.
    expect((await send(ws, contact.id, template.id, "k7")).status).toBe("skipped");
  });

  it("puts in-app messages in the contact's inbox, which no other tenant can touch", async () => {
    const { tenant, ws, contact } = await setup("Eta");
    const other = await setup("Theta");
    const t = await createTemplate(ws, tenant.user.id, { name: "Tour", channel: "in_app" });
    await publishTemplate(ws, t.id, tenant.user.id);
    const out = await send(ws, contact.id, t.id, "k8");
    expect(out.status).toBe("delivered");
    const inbox = await readInbox(ws, contact.id);
    expect(inbox.messages).toHaveLength(1);
    expect(inbox.messages[0]).toMatchObject({ id: out.messageId, title: "Welcome, <b>Ada</b>" });
    await expect(
      actOnInboxMessage(other.ws, other.contact.id, out.messageId, "dismissed"),
    ).rejects.toThrow(/No such in-app message/);
    await actOnInboxMessage(ws, contact.id, out.messageId, "dismissed");
    expect((await readInbox(ws, contact.id)).messages).toHaveLength(0);
    expect((await readInbox(other.ws, other.contact.id)).messages).toHaveLength(0);
  });
});
