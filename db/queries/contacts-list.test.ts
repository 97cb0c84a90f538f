import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { channelSubscriptions, contacts, pushTokens } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import {
  parseContactListParams,
  type TContactListParams,
} from "@/lib/contacts/contact-list-params";
import {
  CONTACT_PAGE_SIZE as PAGE_SIZE,
  countContactsCapped,
  findContactsPage,
  listContacts,
} from "./contacts-list";

let close: () => Promise<void>;
let a: string;
let b: string;
const ids: Record<string, string> = {};

// 130 contacts in A: one a minute, newest last, plus three sharing one timestamp (the id breaks the tie).
const T0 = Date.parse("2026-01-01T00:00:00Z");
const base = Array.from({ length: 130 }, (_, i) => ({
  externalId: `user-${String(i).padStart(3, "0")}`,
  email: i % 2 ? `person${i}@example.com` : null,
  phone: i % 3 === 0 ? `+1415555${String(i).padStart(4, "0")}` : null,
  attributes: {
    plan: i % 10 === 0 ? "pro" : "free",
    seats: i % 7,
    beta: i % 5 === 0,
    tags: i % 4 === 0 ? ["vip", "early"] : ["early"],
  } as Record<string, unknown>,
  createdAt: new Date(T0 + i * 60_000),
}));
const tied = ["tie-a", "tie-b", "tie-c"].map((externalId) => ({
  externalId,
  email: null,
  phone: null,
  attributes: {},
  createdAt: new Date(T0 + 65 * 60_000 + 500),
}));

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = (await makeTenant("Lists A")).workspace.id;
  b = (await makeTenant("Lists B")).workspace.id;
  const rows = await db()
    .insert(contacts)
    .values([...base, ...tied].map((c) => ({ ...c, workspaceId: a })))
    .returning({ id: contacts.id, externalId: contacts.externalId });
  for (const r of rows) ids[r.externalId!] = r.id;
  // Tenant B holds look-alikes of everything A has: none of them may ever show up in A's list.
  await db()
    .insert(contacts)
    .values(base.slice(0, 40).map((c) => ({ ...c, workspaceId: b })));
  await db()
    .insert(contacts)
    .values({
      workspaceId: a,
      externalId: null,
      email: "anon@example.com",
      createdAt: new Date(T0 - 86400_000),
    });
  await db().insert(pushTokens).values({
    workspaceId: a,
    contactId: ids["user-010"]!,
    token: "tok-0000000010",
    platform: "ios",
  });
  await db()
    .insert(channelSubscriptions)
    .values([
      {
        workspaceId: a,
        contactId: ids["user-011"]!,
        channel: "sms",
        status: "unsubscribed",
        source: "api",
      },
      {
        workspaceId: a,
        contactId: ids["user-012"]!,
        channel: "all",
        status: "unsubscribed",
        source: "ui",
      },
      {
        workspaceId: a,
        contactId: ids["user-013"]!,
        channel: "email",
        status: "subscribed",
        source: "api",
      },
    ]);
});
afterAll(() => close());

const params = (raw: Record<string, string | string[]> = {}) => parseContactListParams(raw);
// Both plans (walk the list index, or collect the matches first) must give the same page.
async function externalIds(p: TContactListParams, ws = a) {
  const [walked, collected, page] = await Promise.all([
    listContacts(ws, p),
    listContacts(ws, p, { few: true }),
    findContactsPage(ws, p),
  ]);
  expect(collected).toEqual(walked);
  expect(page.rows).toEqual(walked.rows);
  return walked.rows.map((r) => r.externalId);
}

describe("contacts list", () => {
  it("pages newest first by keyset, forwards and back, with no row lost or repeated", async () => {
    const seen: (string | null)[] = [];
    let p = params();
    const pages = [];
    for (;;) {
      const page = await listContacts(a, p);
      expect(await listContacts(a, p, { few: true })).toEqual(page);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.externalId));
      if (!page.hasOlder) break;
      p = { ...p, after: page.rows.at(-1)!.cursor, before: null };
    }
    expect(pages.map((pg) => pg.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 34]);
    expect(seen).toHaveLength(134);
    expect(new Set(seen).size).toBe(134);
    expect(seen[0]).toBe("user-129");
    expect(seen.at(-1)).toBeNull(); // the anonymous contact, created first
    expect(pages[0]!.hasNewer).toBe(false);
    expect(pages[1]!.hasNewer).toBe(true);
    // Tied timestamps come out in id order, descending.
    const tiedOrder = seen.filter((s) => s?.startsWith("tie-"));
    expect(tiedOrder).toEqual(
      ["tie-a", "tie-b", "tie-c"].sort((x, y) => (ids[y]! > ids[x]! ? 1 : -1)),
    );

    // Previous from the last page gives back exactly the middle page.
    const back = await listContacts(a, { ...params(), before: pages[2]!.rows[0]!.cursor });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    expect(back.hasNewer).toBe(true);
    const front = await listContacts(a, { ...params(), before: pages[1]!.rows[0]!.cursor });
    expect(front.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(front.hasNewer).toBe(false);
  });

  it("searches a prefix of the user id, the email (any case) and the phone (its digits)", async () => {
    expect(await externalIds(params({ q: "user-12" }))).toEqual(
      Array.from({ length: 10 }, (_, i) => `user-${129 - i}`),
    );
    expect(await externalIds(params({ q: "PERSON11" }))).toEqual([
      "user-119",
      "user-117",
      "user-115",
      "user-113",
      "user-111",
      "user-011",
    ]);
    expect(await externalIds(params({ q: "+1 (415) 555-012" }))).toEqual([
      "user-129",
      "user-126",
      "user-123",
      "user-120",
    ]);
    expect(await externalIds(params({ q: "anon@" }))).toEqual([null]);
    // LIKE wildcards in the text are literal.
    expect(await externalIds(params({ q: "user_%" }))).toEqual([]);
  });

  it("searches attributes with key:value, typed as numbers, booleans, text and list members", async () => {
    const pro = await externalIds(params({ q: "plan:pro" }));
    expect(pro).toHaveLength(13);
    expect(pro.every((x) => Number(x!.slice(5)) % 10 === 0)).toBe(true);
    expect(
      (await externalIds(params({ q: "seats:6" }))).every((x) => Number(x!.slice(5)) % 7 === 6),
    ).toBe(true);
    expect(await externalIds(params({ q: "seats:6" }))).toHaveLength(18);
    expect(await externalIds(params({ q: "beta:true" }))).toHaveLength(26);
    expect(await externalIds(params({ q: "tags:vip" }))).toHaveLength(33);
    expect((await countContactsCapped(a, params({ q: 'plan:"free"' }))).count).toBe(117);
    expect(await externalIds(params({ q: "plan:nope" }))).toEqual([]);
  });

  it("filters by email, phone, push token, opt-out and creation window, combined with search", async () => {
    const withEmail = await countContactsCapped(a, params({ has: "email" }));
    expect(withEmail).toEqual({ count: 66, more: false });
    expect((await countContactsCapped(a, params({ has: ["email", "phone"] }))).count).toBe(22);
    expect(await externalIds(params({ has: "push" }))).toEqual(["user-010"]);
    // Global or any channel; an explicit opt-in is not an opt-out.
    expect(await externalIds(params({ optout: "1" }))).toEqual(["user-012", "user-011"]);
    expect(await externalIds(params({ q: "plan:pro", has: "phone" }))).toEqual([
      "user-120",
      "user-090",
      "user-060",
      "user-030",
      "user-000",
    ]);
    expect(await externalIds(params({ created: "7" }))).toEqual([]);
    await db()
      .insert(contacts)
      .values({
        workspaceId: a,
        externalId: "fresh",
        createdAt: new Date(Date.now() - 3 * 86400_000),
      });
    expect(await externalIds(params({ created: "7" }))).toEqual(["fresh"]);
  });

  it("never shows another workspace's contacts, whatever the search", async () => {
    const bIds = await externalIds(params(), b);
    expect(bIds).toHaveLength(40);
    for (const q of ["user-0", "person1", "plan:pro", "+1415"]) {
      const inB = (await listContacts(b, params({ q }))).rows.map((r) => r.id);
      expect(
        inB.some((id) => Object.values(ids).includes(id)),
        q,
      ).toBe(false);
    }
    expect((await countContactsCapped(b, params({ q: "plan:pro" }))).count).toBe(4);
  });

  it("caps the count", async () => {
    const many = Array.from({ length: 10_050 }, (_, i) => ({
      workspaceId: b,
      externalId: `bulk-${i}`,
      createdAt: new Date(T0 + i),
    }));
    for (let i = 0; i < many.length; i += 2000)
      await db()
        .insert(contacts)
        .values(many.slice(i, i + 2000));
    expect(await countContactsCapped(b, params())).toEqual({ count: 10_000, more: true });
    expect(await countContactsCapped(b, params({ q: "bulk-1000" }))).toEqual({
      count: 11,
      more: false,
    });
  });
});
