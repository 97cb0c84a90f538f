import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { seededRandom as rng } from "@/lib/random/seeded-random";
import {
  ARRAY_OPS,
  BOOLEAN_OPS,
  DATE_OPS,
  NUMBER_OPS,
  STRING_OPS,
  ZSegmentDefinition,
  type TComparison,
  type TGroup,
  type TValueType,
} from "./definition";
import { evaluateSegment, type TContactSnapshot } from "./evaluate-segment";
import { segmentCountQuery, segmentMembersQuery, segmentToSql } from "./segment-to-sql";

// Random contacts and events, random segments: the SQL compiler must pick exactly the contacts
// the in-memory reference picks. Seeded, so a failure names a reproducible definition.
const r = rng(424242);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const NOW = new Date("2026-11-20T12:00:00Z");
const DAY = 86400_000;
const isoAt = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY).toISOString();

const STRINGS = ["pro", "Pro", "free", "", "enterprise", "pr"];
const NUMBERS = [0, 3, 5, 10, 2.5, -1];
const DATES = [
  "2026-11-01",
  "2026-11-19T08:00:00Z",
  "2026-11-19T08:00:00",
  "2026-02-30",
  "2026-11-25T00:00:00+02:00",
  "soon",
  "2025-01-01",
];
const ARRAY_VALUES = ["a", "b", 1, 2];
const EVENT_NAMES = ["Viewed", "Added", "Bought"];

function randomValue(): unknown {
  return pick([
    () => pick(STRINGS),
    () => pick(NUMBERS),
    () => r() < 0.5,
    () => pick(DATES),
    () => [pick(ARRAY_VALUES), pick(ARRAY_VALUES)].slice(0, Math.floor(r() * 3)),
    () => undefined,
  ])();
}

function comparison(type: TValueType): TComparison {
  const ops = {
    string: STRING_OPS,
    number: NUMBER_OPS,
    boolean: BOOLEAN_OPS,
    date: DATE_OPS,
    array: ARRAY_OPS,
  }[type];
  const op = pick(ops);
  const value = (() => {
    if (op === "is_set" || op === "is_not_set" || op === "is_empty" || type === "boolean")
      return undefined;
    if (type === "string")
      return op === "in" || op === "not_in"
        ? [pick(STRINGS), pick(STRINGS)]
        : pick(op.includes("contains") || op.endsWith("with") ? STRINGS.filter(Boolean) : STRINGS);
    if (type === "number") return op === "between" ? [0, pick([3, 5, 10])] : pick(NUMBERS);
    if (type === "array") return pick(ARRAY_VALUES);
    if (op === "between") return [isoAt(-20), isoAt(pick([-1, 2]))];
    if (op === "before" || op === "after") return isoAt(pick([-30, -5, -1, 0, 3]));
    return pick([0, 1, 7, 30]);
  })();
  return value === undefined ? { type, op } : { type, op, value };
}

const ATTRS: [string, TValueType[]][] = [
  ["plan", ["string"]],
  ["seats", ["number", "string"]],
  ["vip", ["boolean"]],
  ["trialEnds", ["date", "string"]],
  ["tags", ["array"]],
];

function randomCondition(depth: number): TGroup["conditions"][number] {
  const kind = pick(
    depth < 2
      ? [
          "attribute",
          "attribute",
          "profile",
          "signup",
          "event",
          "event_time",
          "sequence",
          "channel",
          "topic",
          "device",
          "account",
          "group",
        ]
      : [
          "attribute",
          "attribute",
          "attribute",
          "profile",
          "signup",
          "event",
          "event_time",
          "sequence",
          "channel",
          "topic",
          "device",
          "account",
        ],
  );
  switch (kind) {
    case "group":
      return randomGroup(depth + 1);
    case "attribute":
    case "account": {
      const [key, types] = pick(ATTRS);
      return { kind, key, ...comparison(pick(types)) };
    }
    case "profile":
      return {
        kind,
        field: pick(["email", "city", "country", "userId"] as const),
        ...comparison("string"),
      };
    case "signup":
      return { kind, ...comparison("date") };
    case "event": {
      const window = pick([
        undefined,
        { lastDays: pick([1, 7, 30]) },
        { from: isoAt(-20), to: isoAt(-2) },
      ]);
      return {
        kind,
        name: pick(EVENT_NAMES),
        filters:
          r() < 0.4
            ? [{ property: "amount", ...comparison(pick(["number", "string"] as const)) }]
            : [],
        count: { op: pick(["at_least", "at_most", "exactly"] as const), value: pick([0, 1, 2, 3]) },
        ...(window ? { window } : {}),
      };
    }
    case "event_time": {
      const c = comparison("date");
      return {
        kind,
        name: pick(EVENT_NAMES),
        which: pick(["first", "last"] as const),
        filters: [],
        ...(c.op.startsWith("is_") ? { type: "date", op: "before", value: isoAt(-3) } : c),
      };
    }
    case "sequence":
      return {
        kind,
        first: { name: pick(EVENT_NAMES), filters: [] },
        then: {
          name: pick(EVENT_NAMES),
          filters: r() < 0.3 ? [{ property: "sku", type: "string", op: "equals", value: "x" }] : [],
        },
        withinHours: pick([1, 3, 48]),
        mode: pick(["followed_by", "not_followed_by"] as const),
        ...(r() < 0.3 ? { window: { lastDays: 30 } } : {}),
      };
    case "channel":
      return {
        kind,
        channel: pick(["email", "sms", "push", "voice", "in_app"] as const),
        state: pick(["reachable", "has_address", "opted_out"] as const),
      };
    case "topic":
      // "missing" is a key no workspace has: it matches nobody, whatever the state.
      return {
        kind,
        topic: pick(["news", "deals", "missing"]),
        state: pick(["subscribed", "unsubscribed"] as const),
      };
    default:
      return { kind: "device", platform: pick(["ios", "android", "web"] as const) };
  }
}

function randomGroup(depth = 0): TGroup {
  return {
    kind: "group",
    match: pick(["all", "any"] as const),
    conditions: Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomCondition(depth)),
  };
}

let close: () => Promise<void>;
let workspaceId: string;
let snapshots: TContactSnapshot[];
const rows = executeRows;

beforeAll(async () => {
  ({ close } = await useTestDb());
  const tenant = await makeTenant("Segments");
  workspaceId = tenant.workspace.id;
  const other = await makeTenant("Other");
  for (const [ws, n] of [
    [workspaceId, 90],
    [other.workspace.id, 10],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const attributes: Record<string, unknown> = {};
      for (const [key] of ATTRS) if (r() < 0.75) attributes[key] = randomValue();
      const [c] = await rows<{
        id: string;
      }>(sql`insert into contacts (workspace_id, external_id, email, phone, country, city, attributes, created_at)
        values (${ws}, ${r() < 0.9 ? `u-${i}` : null}, ${r() < 0.7 ? `p${i}@example.com` : null}, ${r() < 0.5 ? `+1415555${String(1000 + i)}` : null},
          ${pick(["VN", "FR", null])}, ${pick(["Hanoi", "Paris", "paris", null])}, ${JSON.stringify(attributes)}::jsonb, ${isoAt(-Math.floor(r() * 60))}::timestamptz) returning id`);
      for (let k = Math.floor(r() * 7); k > 0; k--) {
        await db()
          .execute(sql`insert into events (workspace_id, contact_id, name, properties, occurred_at, message_id)
          values (${ws}, ${c!.id}, ${pick(EVENT_NAMES)}, ${JSON.stringify({ amount: pick([1, 5, 50, "5"]), sku: pick(["x", "y"]) })}::jsonb, ${isoAt(-r() * 40 + 0.3)}::timestamptz, ${`m-${ws}-${i}-${k}`})`);
      }
      if (r() < 0.3)
        await db().execute(
          sql`insert into push_tokens (workspace_id, token, platform, contact_id) values (${ws}, ${`tok-${ws}-${i}`}, ${pick(["ios", "android", "web"])}::push_platform, ${c!.id})`,
        );
      if (r() < 0.3)
        await db().execute(
          sql`insert into channel_subscriptions (workspace_id, contact_id, channel, status, source) values (${ws}, ${c!.id}, ${pick(["all", "email", "sms", "push"])}::subscription_channel, ${pick(["subscribed", "unsubscribed"])}::subscription_status, 'api')`,
        );
    }
  }
  // Subscription topics: an opt-out one and an opt-in one per workspace, with random choices (the
  // other workspace's "deals" is opt-out, so a leak across workspaces would show).
  for (const [ws, dealsDefault] of [
    [workspaceId, false],
    [other.workspace.id, true],
  ] as const) {
    const topicIds = await rows<{ id: string }>(
      sql`insert into topics (workspace_id, key, name, default_subscribed) values (${ws}, 'news', 'News', true), (${ws}, 'deals', 'Deals', ${dealsDefault}) returning id`,
    );
    const members = await rows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${ws} order by id`,
    );
    for (const m of members)
      for (const t of topicIds)
        if (r() < 0.4)
          await db().execute(
            sql`insert into topic_subscriptions (workspace_id, contact_id, topic_id, status, source) values (${ws}, ${m.id}, ${t.id}, ${pick(["subscribed", "unsubscribed"])}::subscription_status, 'api')`,
          );
  }
  // Accounts (Segment group) with the attributes' random traits; a contact is in none, one or two.
  for (const ws of [workspaceId, other.workspace.id]) {
    const accountIds: string[] = [];
    for (let a = 0; a < 5; a++) {
      const traits: Record<string, unknown> = {};
      for (const [key] of ATTRS) if (r() < 0.75) traits[key] = randomValue();
      const [acc] = await rows<{ id: string }>(
        sql`insert into accounts (workspace_id, external_id, traits) values (${ws}, ${`acc-${a}`}, ${JSON.stringify(traits)}::jsonb) returning id`,
      );
      accountIds.push(acc!.id);
    }
    const members = await rows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${ws} order by id`,
    );
    for (const m of members) {
      const joined = new Set([pick(accountIds), pick(accountIds)].slice(0, Math.floor(r() * 3)));
      for (const accountId of joined)
        await db().execute(
          sql`insert into account_members (workspace_id, account_id, contact_id) values (${ws}, ${accountId}, ${m.id})`,
        );
    }
  }
  // The reference evaluates exactly what the database stored.
  const contacts = await rows<{
    id: string;
    external_id: string | null;
    email: string | null;
    phone: string | null;
    country: string | null;
    city: string | null;
    timezone: string | null;
    locale: string | null;
    created_at: string | Date;
    attributes: Record<string, unknown>;
  }>(sql`select * from contacts where workspace_id = ${workspaceId}`);
  const events = await rows<{
    id: number | string;
    contact_id: string;
    name: string;
    properties: Record<string, unknown>;
    occurred_at: string | Date;
  }>(sql`select * from events where workspace_id = ${workspaceId}`);
  const tokens = await rows<{ contact_id: string; platform: string }>(
    sql`select contact_id, platform from push_tokens where workspace_id = ${workspaceId}`,
  );
  const memberships = await rows<{ contact_id: string; traits: Record<string, unknown> }>(
    sql`select m.contact_id, a.traits from account_members m join accounts a on a.id = m.account_id where m.workspace_id = ${workspaceId}`,
  );
  const subs = await rows<{ contact_id: string; channel: string; status: string }>(
    sql`select contact_id, channel, status from channel_subscriptions where workspace_id = ${workspaceId}`,
  );
  const topicRows = await rows<{ key: string; default_subscribed: boolean; id: string }>(
    sql`select id, key, default_subscribed from topics where workspace_id = ${workspaceId}`,
  );
  const choices = await rows<{ contact_id: string; topic_id: string; status: string }>(
    sql`select contact_id, topic_id, status from topic_subscriptions where workspace_id = ${workspaceId}`,
  );
  snapshots = contacts.map((c) => ({
    id: c.id,
    externalId: c.external_id,
    email: c.email,
    phone: c.phone,
    country: c.country,
    city: c.city,
    timezone: c.timezone,
    locale: c.locale,
    createdAt: new Date(c.created_at),
    attributes: c.attributes,
    accounts: memberships.filter((m) => m.contact_id === c.id),
    events: events
      .filter((e) => e.contact_id === c.id)
      .map((e) => ({
        id: Number(e.id),
        name: e.name,
        properties: e.properties,
        occurredAt: new Date(e.occurred_at),
      })),
    pushTokens: tokens.filter((t) => t.contact_id === c.id),
    subscriptions: subs.filter((s) => s.contact_id === c.id),
    topics: topicRows.map((t) => ({
      key: t.key,
      defaultSubscribed: t.default_subscribed,
      status: choices.find((x) => x.contact_id === c.id && x.topic_id === t.id)?.status ?? null,
    })),
  }));
}, 120_000);
afterAll(() => close());

describe("segment compiler against the reference semantics", () => {
  it("selects exactly the contacts the in-memory evaluation selects, for 1,500 random segments", async () => {
    let nonTrivial = 0;
    let eventsOnly = 0;
    for (let i = 0; i < 1500; i++) {
      // Half are a single condition, so an operator's own mistakes are not masked by its siblings.
      const def: TGroup =
        i % 2 ? randomGroup() : { kind: "group", match: "all", conditions: [randomCondition(2)] };
      const parsed = ZSegmentDefinition.safeParse(def);
      expect(
        parsed.success,
        `generated an invalid definition: ${JSON.stringify(def)} ${JSON.stringify(parsed.error?.issues)}`,
      ).toBe(true);
      const expected = snapshots
        .filter((c) => evaluateSegment(parsed.data!, c, NOW))
        .map((c) => c.id)
        .sort();
      const got = (
        await rows<{ id: string }>(segmentMembersQuery(workspaceId, parsed.data!, { now: NOW }))
      )
        .map((x) => x.id)
        .sort();
      expect(got, `segment #${i}: ${JSON.stringify(def)}`).toEqual(expected);
      if (expected.length > 0 && expected.length < snapshots.length) nonTrivial++;
      // The count query (events alone for a single did-it or sequence condition) counts the same set.
      const [counted] = await rows<{ n: number }>(
        segmentCountQuery(parsed.data!, { workspaceId, now: NOW }),
      );
      expect(Number(counted!.n), `segment #${i} counted: ${JSON.stringify(def)}`).toBe(
        expected.length,
      );
      if (
        def.conditions.length === 1 &&
        (def.conditions[0]!.kind === "sequence" || def.conditions[0]!.kind === "event")
      )
        eventsOnly++;
      // Compiled to test one contact (a journey's branch), the same condition answers alike.
      if (i % 10 === 0) {
        const condition = segmentToSql(parsed.data!, { workspaceId, now: NOW, oneContact: true });
        for (const contact of [pick(snapshots), pick(snapshots), pick(snapshots)]) {
          const [row] = await rows<{ hit: boolean }>(
            sql`select exists (select 1 from contacts c where c.workspace_id = ${workspaceId} and c.id = ${contact.id} and ${condition}) as hit`,
          );
          expect(row!.hit, `segment #${i} for one contact: ${JSON.stringify(def)}`).toBe(
            expected.includes(contact.id),
          );
        }
      }
    }
    // The generator must produce segments that split the contacts, or the comparison proves little.
    expect(nonTrivial).toBeGreaterThan(600);
    expect(eventsOnly).toBeGreaterThan(50);
  }, 240_000);
});
