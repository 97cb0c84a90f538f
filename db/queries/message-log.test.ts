import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { contacts, templates } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { insertTestMessage } from "@/db/testing/message-fixtures";
import { useTestDb } from "@/db/testing/test-db";
import {
  EMPTY_MESSAGE_FILTER,
  parseMessageLogParams,
  type TMessageLogParams,
} from "@/lib/messages/log/message-log-params";
import {
  MESSAGE_PAGE_SIZE,
  countMessageLog,
  findMessageWithEvents,
  listContactMessages,
  listMessageLog,
} from "./message-log";

let close: () => Promise<void>;
let a: string;
let b: string;
let ada: string;
let bob: string;
let bContact: string;
let welcome: string;
let bTemplate: string;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ids: string[] = [];

const view = (p: Partial<TMessageLogParams> = {}): TMessageLogParams => ({
  ...EMPTY_MESSAGE_FILTER,
  after: null,
  before: null,
  ...p,
});

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = (await makeTenant("Messages A")).workspace.id;
  b = (await makeTenant("Messages B")).workspace.id;
  [ada, bob] = (
    await db()
      .insert(contacts)
      .values([
        { workspaceId: a, externalId: "ada", email: "ada@example.com" },
        { workspaceId: a, externalId: "bob", phone: "+14155550100" },
      ])
      .returning({ id: contacts.id })
  ).map((r) => r.id) as [string, string];
  [bContact] = (
    await db()
      .insert(contacts)
      .values({ workspaceId: b, externalId: "ada", email: "ada@example.com" })
      .returning({ id: contacts.id })
  ).map((r) => r.id) as [string];
  [welcome] = (
    await db()
      .insert(templates)
      .values({ workspaceId: a, name: "Welcome", channel: "email", draft: {}, publishedVersion: 2 })
      .returning({ id: templates.id })
  ).map((r) => r.id) as [string];
  [bTemplate] = (
    await db()
      .insert(templates)
      .values({ workspaceId: b, name: "B secret", channel: "email", draft: {} })
      .returning({ id: templates.id })
  ).map((r) => r.id) as [string];

  // 120 messages in A, one a minute: emails to Ada through the outbox, failed SMS to Bob every third.
  for (let i = 0; i < 120; i++) {
    const sms = i % 3 === 0;
    const m = await insertTestMessage(
      a,
      sms
        ? {
            channel: "sms",
            provider: "twilio",
            status: "failed",
            reason: "Number unreachable",
            contactId: bob,
            recipient: "+14155550100",
            content: { to: "+14155550100", body: `SMS ${i}` },
            createdAt: at(i),
          }
        : {
            contactId: ada,
            templateId: welcome,
            templateVersion: 2,
            recipient: `ada+${i}@example.com`,
            content: { subject: `Email ${i}`, html: "<p>x</p>" },
            createdAt: at(i),
          },
    );
    ids.push(m.id);
  }
  // Three in the same instant: the id breaks the tie, and paging must neither skip nor repeat them.
  for (let i = 0; i < 3; i++)
    ids.push(
      (
        await insertTestMessage(a, {
          createdAt: new Date(T0 + 60.5 * 60_000),
          recipient: `tie${i}@example.com`,
        })
      ).id,
    );
  // B has look-alikes of everything, including a template A's messages could never name.
  for (let i = 0; i < 30; i++) {
    await insertTestMessage(b, {
      contactId: bContact,
      templateId: bTemplate,
      recipient: `ada+${i}@example.com`,
      createdAt: at(i),
      status: i % 2 ? "failed" : "sent",
    });
  }
});
afterAll(() => close());

describe("message log", () => {
  it("pages newest first by keyset, forwards and back, with no message lost or repeated", async () => {
    const seen: string[] = [];
    let p = view();
    const pages = [];
    for (;;) {
      const page = await listMessageLog(a, p);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.hasOlder) break;
      p = view({ after: page.rows.at(-1)!.cursor });
    }
    expect(pages.map((pg) => pg.rows.length)).toEqual([MESSAGE_PAGE_SIZE, MESSAGE_PAGE_SIZE, 23]);
    expect(new Set(seen).size).toBe(123);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen[0]).toBe(ids[119]);
    expect(pages[0]!.hasNewer).toBe(false);
    expect(pages[1]!.hasNewer).toBe(true);
    const times = (await Promise.all(pages)).flatMap((pg) =>
      pg.rows.map((r) => r.createdAt.getTime()),
    );
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const back = await listMessageLog(a, view({ before: pages[2]!.rows[0]!.cursor }));
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    expect(back.hasNewer).toBe(true);
    expect(back.hasOlder).toBe(true);
    const front = await listMessageLog(a, view({ before: pages[1]!.rows[0]!.cursor }));
    expect(front.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(front.hasNewer).toBe(false);
  });

  it("joins the template and contact, and summarises the content", async () => {
    const [row] = (await listMessageLog(a, view({ channel: "email", contactId: ada }))).rows;
    expect(row).toMatchObject({
      channel: "email",
      templateName: "Welcome",
      templateVersion: 2,
      contactExternalId: "ada",
      summary: "Email 119",
      provider: "outbox",
    });
    const [sms] = (await listMessageLog(a, view({ channel: "sms" }))).rows;
    expect(sms).toMatchObject({
      status: "failed",
      reason: "Number unreachable",
      summary: "SMS 117",
      contactExternalId: "bob",
      templateName: null,
    });
  });

  it("filters by channel, status, provider, template, contact and recipient text", async () => {
    const count = async (p: Partial<TMessageLogParams>) =>
      (await countMessageLog(a, view(p))).count;
    expect(await count({})).toBe(123);
    expect(await count({ channel: "sms" })).toBe(40);
    expect(await count({ channel: "email" })).toBe(83);
    expect(await count({ status: "failed" })).toBe(40);
    expect(await count({ status: "failed", channel: "email" })).toBe(0);
    expect(await count({ provider: "outbox" })).toBe(83);
    expect(await count({ provider: "twilio" })).toBe(40);
    expect(await count({ templateId: welcome })).toBe(80);
    expect(await count({ contactId: bob })).toBe(40);
    // Emails 11 and 110–119 but for 111, 114 and 117, which were SMS to a phone number; case-insensitive.
    expect(await count({ q: "ADA+11" })).toBe(8);
    expect(await count({ q: "tie" })).toBe(3);
    // Through the contact: Bob's user id finds his SMS, Ada's own address every email to her aliases.
    expect(await count({ q: "BOB" })).toBe(40);
    expect(await count({ q: "ada@example" })).toBe(80);
    // LIKE wildcards in the search are literal characters.
    expect(await count({ q: "%" })).toBe(0);
    expect(await count({ q: "ada_1" })).toBe(0);

    const { rows } = await listMessageLog(a, view({ q: "ada+11", channel: "email" }));
    expect(rows.map((r) => r.recipient)).toEqual(
      [119, 118, 116, 115, 113, 112, 110, 11].map((i) => `ada+${i}@example.com`),
    );
  });

  it("reads filters from the URL leniently", () => {
    const p = parseMessageLogParams({
      channel: "sms",
      status: "bogus",
      provider: "outbox",
      template: "not-a-uuid",
      q: "  ada  ",
      after: "garbage",
    });
    expect(p).toEqual({ ...view(), channel: "sms", provider: "outbox", q: "ada" });
  });

  it("never shows another tenant's messages, templates or contacts", async () => {
    const all = [];
    let p = view();
    for (;;) {
      const page = await listMessageLog(a, p);
      all.push(...page.rows);
      if (!page.hasOlder) break;
      p = view({ after: page.rows.at(-1)!.cursor });
    }
    expect(all.some((r) => r.templateId === bTemplate || r.contactId === bContact)).toBe(false);
    // Filtering A's log by B's template or contact finds nothing; B sees only its own 30.
    expect((await countMessageLog(a, view({ templateId: bTemplate }))).count).toBe(0);
    expect((await countMessageLog(a, view({ contactId: bContact }))).count).toBe(0);
    expect((await listMessageLog(a, view({ contactId: bContact }))).rows).toEqual([]);
    expect(await listContactMessages(a, bContact)).toEqual([]);
    const bLog = await listMessageLog(b, view());
    expect(bLog.rows).toHaveLength(30);
    expect(bLog.rows.every((r) => r.templateName === "B secret")).toBe(true);
    expect((await countMessageLog(b, view({ status: "failed" }))).count).toBe(15);
    expect(await findMessageWithEvents(b, ids[0]!)).toBeNull();
  });
});

describe("one message", () => {
  it("comes with its events in order, and only in its own workspace", async () => {
    const m = await insertTestMessage(
      a,
      {
        contactId: ada,
        templateId: welcome,
        templateVersion: 2,
        sentAt: at(500),
        openedAt: at(520),
      },
      [
        { type: "opened", at: at(520), detail: { userAgent: "Mail" } },
        { type: "queued", at: at(499) },
        { type: "sent", at: at(500), detail: { providerMessageId: "outbox-1" } },
        { type: "delivered", at: at(500) },
        { type: "clicked", at: at(530), detail: { url: "https://acme.test/pricing" } },
      ],
    );
    const found = await findMessageWithEvents(a, m.id);
    expect(found?.message.id).toBe(m.id);
    expect(found).toMatchObject({
      templateName: "Welcome",
      contactExternalId: "ada",
      contactEmail: "ada@example.com",
    });
    expect(found!.events.map((e) => e.type)).toEqual([
      "queued",
      "sent",
      "delivered",
      "opened",
      "clicked",
    ]);
    expect(found!.events[4]!.detail).toEqual({ url: "https://acme.test/pricing" });
    expect(await findMessageWithEvents(b, m.id)).toBeNull();
    // Events filed under another workspace never join this message's timeline.
    await insertTestMessage(b, {}, []);
    const again = await findMessageWithEvents(a, m.id);
    expect(again!.events).toHaveLength(5);
  });
});

describe("a contact's messages", () => {
  it("are the newest few for that contact only", async () => {
    const rows = await listContactMessages(a, bob, 5);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.contactId === bob && r.channel === "sms")).toBe(true);
    expect(rows.map((r) => r.summary)).toEqual([
      "SMS 117",
      "SMS 114",
      "SMS 111",
      "SMS 108",
      "SMS 105",
    ]);
  });
});
