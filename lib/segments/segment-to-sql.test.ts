import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  ARRAY_OPS,
  BOOLEAN_OPS,
  DATE_OPS,
  NUMBER_OPS,
  STRING_OPS,
  ZSegmentDefinition,
  type TCondition,
  type TSegmentDefinition,
} from "./definition";
import { segmentCountQuery, segmentToSql, type TSqlSegmentResolver } from "./segment-to-sql";

const NOW = new Date("2026-11-20T12:00:00Z");
const dialect = new PgDialect();
const WS = "00000000-0000-4000-8000-0000000000ff";
const render = (def: TSegmentDefinition, resolve?: TSqlSegmentResolver) =>
  dialect.sqlToQuery(segmentToSql(def, { workspaceId: WS, now: NOW, resolve }));
const one = (c: unknown): TSegmentDefinition =>
  ZSegmentDefinition.parse({ kind: "group", match: "all", conditions: [c] });

const VALUES: Record<string, Record<string, unknown>> = {
  string: {
    equals: "needle-1",
    not_equals: "needle-1",
    contains: "needle-1",
    not_contains: "needle-1",
    starts_with: "needle-1",
    ends_with: "needle-1",
    in: ["needle-1", "needle-2"],
    not_in: ["needle-1"],
  },
  number: { eq: 41, neq: 41, gt: 41, gte: 41, lt: 41, lte: 41, between: [41, 42] },
  date: {
    before: "2026-01-02T00:00:00Z",
    after: "2026-01-02T00:00:00Z",
    between: ["2026-01-02T00:00:00Z", "2026-02-02T00:00:00Z"],
    within_last_days: 41,
    within_next_days: 41,
    more_than_days_ago: 41,
  },
  array: { includes: "needle-1", not_includes: "needle-1" },
  boolean: {},
};
const OPS = {
  string: STRING_OPS,
  number: NUMBER_OPS,
  boolean: BOOLEAN_OPS,
  date: DATE_OPS,
  array: ARRAY_OPS,
};

const CASES: [string, unknown][] = [
  ...Object.entries(OPS).flatMap(([type, ops]) =>
    ops.map((op): [string, unknown] => [
      `attribute ${type} ${op}`,
      {
        kind: "attribute",
        key: "secret-key",
        type,
        op,
        ...(VALUES[type]![op] !== undefined ? { value: VALUES[type]![op] } : {}),
      },
    ]),
  ),
  [
    "profile email starts_with",
    { kind: "profile", field: "email", type: "string", op: "starts_with", value: "needle-1" },
  ],
  ["signup within_last_days", { kind: "signup", type: "date", op: "within_last_days", value: 7 }],
  [
    "event did, last 7 days, amount > 100",
    {
      kind: "event",
      name: "needle-event",
      window: { lastDays: 7 },
      filters: [{ property: "amount", type: "number", op: "gt", value: 100 }],
    },
  ],
  ["event did not", { kind: "event", name: "needle-event", count: { op: "exactly", value: 0 } }],
  [
    "event at least 3 between dates",
    {
      kind: "event",
      name: "needle-event",
      count: { op: "at_least", value: 3 },
      window: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" },
    },
  ],
  ["event at most 2", { kind: "event", name: "needle-event", count: { op: "at_most", value: 2 } }],
  [
    "event first occurrence before",
    {
      kind: "event_time",
      name: "needle-event",
      which: "first",
      type: "date",
      op: "before",
      value: "2026-01-01T00:00:00Z",
    },
  ],
  [
    "event last occurrence within 30 days",
    {
      kind: "event_time",
      name: "needle-event",
      which: "last",
      type: "date",
      op: "within_last_days",
      value: 30,
    },
  ],
  [
    "added to cart, not bought within 3 hours",
    {
      kind: "sequence",
      first: { name: "Added to Cart" },
      then: { name: "Order Completed" },
      withinHours: 3,
      mode: "not_followed_by",
    },
  ],
  [
    "viewed then bought within a day",
    {
      kind: "sequence",
      first: { name: "Viewed" },
      then: { name: "Bought" },
      withinHours: 24,
      mode: "followed_by",
      window: { lastDays: 30 },
    },
  ],
  [
    "bought again within a day",
    {
      kind: "sequence",
      first: { name: "Bought" },
      then: { name: "Bought" },
      withinHours: 24,
      mode: "followed_by",
    },
  ],
  ["channel reachable sms", { kind: "channel", channel: "sms", state: "reachable" }],
  ["channel opted out email", { kind: "channel", channel: "email", state: "opted_out" }],
  ["channel has push", { kind: "channel", channel: "push", state: "has_address" }],
  ["device ios", { kind: "device", platform: "ios" }],
  ["topic left deals", { kind: "topic", topic: "deals", state: "unsubscribed" }],
];

describe("segment SQL", () => {
  it("compiles every operator to the golden SQL", async () => {
    const out = CASES.map(([name, c]) => {
      const q = render(one(c));
      return `-- ${name}\n${q.sql.replace(/\s+/g, " ")}\n-- params: ${JSON.stringify(q.params)}\n`;
    }).join("\n");
    await expect(out).toMatchFileSnapshot("./__golden__/segment-sql.sql");
  });

  it("never puts a user value into the SQL text, only into parameters", () => {
    for (const [name, c] of CASES) {
      const q = render(one(c));
      expect(q.sql, name).not.toMatch(/needle|secret-key|Added to Cart|41|100/);
    }
  });

  it("nests groups with AND and OR", () => {
    const def = ZSegmentDefinition.parse({
      kind: "group",
      match: "any",
      conditions: [
        { kind: "device", platform: "ios" },
        {
          kind: "group",
          match: "all",
          conditions: [
            { kind: "device", platform: "android" },
            { kind: "channel", channel: "sms", state: "has_address" },
          ],
        },
      ],
    });
    expect(render(def).sql.replace(/\s+/g, " ")).toMatch(
      /^\(exists \(.*\) or \(exists \(.*\) and \(c\.phone is not null\)\)\)$/,
    );
  });

  it("drives the query from one top-level event count; elsewhere the count is EXISTS", () => {
    const atLeast = (name: string) => ({
      kind: "event",
      name,
      count: { op: "at_least", value: 2 },
    });
    const shapes = (def: unknown, oneContact = false) =>
      [
        ...dialect
          .sqlToQuery(
            segmentToSql(ZSegmentDefinition.parse(def), { workspaceId: WS, now: NOW, oneContact }),
          )
          .sql.matchAll(/c\.id = any\(array|exists \(select 1 from \(select/g),
      ].map((m) => (m[0].startsWith("c.id") ? "array" : "exists"));
    const all = (...conditions: unknown[]) => ({ kind: "group", match: "all", conditions });
    const any = (...conditions: unknown[]) => ({ kind: "group", match: "any", conditions });
    // Only the first: a second array would be searched row by row.
    expect(shapes(all(atLeast("a"), all(atLeast("b"))))).toEqual(["array", "exists"]);
    expect(shapes(any(atLeast("a"), atLeast("b")))).toEqual(["exists", "exists"]);
    expect(
      shapes(all(any(atLeast("a"), { kind: "device", platform: "ios" }), any(atLeast("b")))),
    ).toEqual(["exists", "array"]);
    expect(
      shapes(
        all(
          { kind: "event", name: "a", count: { op: "at_most", value: 2 } },
          { kind: "event", name: "b", count: { op: "exactly", value: 2 } },
        ),
      ),
    ).toEqual(["exists", "array"]);
    expect(shapes(all(atLeast("a")), true)).toEqual(["exists"]);
    const s = "00000000-0000-4000-8000-00000000000d";
    const inside = (inSegment: boolean) =>
      dialect.sqlToQuery(
        segmentToSql(one({ kind: "segment", segmentId: s, in: inSegment }), {
          workspaceId: WS,
          now: NOW,
          resolve: () => one(atLeast("a")),
        }),
      ).sql;
    expect(inside(true)).toMatch(/^\(\(c\.id = any\(array/);
    expect(inside(false)).toMatch(/^\(not \(exists/);
  });

  it("counts a lone did-it or sequence condition from the events alone, anything else from contacts", () => {
    const countSql = (def: unknown) =>
      dialect
        .sqlToQuery(segmentCountQuery(ZSegmentDefinition.parse(def), { workspaceId: WS, now: NOW }))
        .sql.replace(/\s+/g, " ");
    const sequence = {
      kind: "sequence",
      first: { name: "Added to Cart", filters: [] },
      then: { name: "Order Completed", filters: [] },
      withinHours: 3,
      mode: "not_followed_by",
      window: { lastDays: 30 },
    };
    const did = { kind: "event", name: "Order Completed", count: { op: "at_least", value: 1 } };
    expect(countSql(one(sequence))).toMatch(
      /^select count\(distinct a\.contact_id\)::int as n from events a where /,
    );
    expect(countSql(one(did))).toMatch(
      /^select count\(distinct e\.contact_id\)::int as n from events e where /,
    );
    for (const def of [
      one({ ...did, count: { op: "at_least", value: 2 } }),
      one({ ...did, count: { op: "at_most", value: 0 } }),
      { kind: "group", match: "all", conditions: [sequence, did] },
      one({ kind: "device", platform: "ios" }),
    ]) {
      expect(countSql(def)).toMatch(/^select count\(\*\)::int as n from contacts c where /);
    }
    expect(countSql(one(sequence))).not.toContain("c.id");
  });

  it("inlines another segment and refuses a cycle or a missing one, pointing at the condition", () => {
    const a = "00000000-0000-4000-8000-00000000000a";
    const b = "00000000-0000-4000-8000-00000000000b";
    const defs: Record<string, TSegmentDefinition> = {
      [a]: one({ kind: "segment", segmentId: b, in: true }),
      [b]: one({ kind: "device", platform: "web" }),
    };
    expect(
      render(one({ kind: "segment", segmentId: a, in: false }), (id) => defs[id] ?? null).sql,
    ).toMatch(/^\(not \(\(exists/);
    defs[b] = one({ kind: "segment", segmentId: a, in: true });
    expect(() =>
      segmentToSql(one({ kind: "segment", segmentId: a, in: true }), {
        workspaceId: WS,
        now: NOW,
        resolve: (id) => defs[id] ?? null,
        selfId: "x",
      }),
    ).toThrow(
      expect.objectContaining({
        fields: {
          "conditions.0": "segments cannot include themselves, directly or through others",
        },
      }),
    );
    expect(() =>
      segmentToSql(one({ kind: "segment", segmentId: b, in: true }), {
        workspaceId: WS,
        now: NOW,
        resolve: () => null,
      }),
    ).toThrow(
      expect.objectContaining({
        fields: { "conditions.0.segmentId": "no such segment in this workspace" },
      }),
    );
  });
});

describe("static segment membership", () => {
  it("matches a static segment against its stored members, with the id as a parameter", () => {
    const s = "00000000-0000-4000-8000-00000000000c";
    const resolve = (id: string) => (id === s ? ({ kind: "static" } as const) : null);
    const q = render(one({ kind: "segment", segmentId: s, in: false }), resolve);
    expect(q.sql.replace(/\s+/g, " ")).toBe(
      "(not exists (select 1 from segment_members sm where sm.segment_id = $1::uuid and sm.contact_id = c.id))",
    );
    expect(q.params).toEqual([s]);
  });
});

describe("segment definitions", () => {
  const issues = (def: unknown) =>
    ZSegmentDefinition.safeParse(def).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

  it.each([
    [
      "an empty group",
      { kind: "group", match: "all", conditions: [] },
      "conditions: a group needs at least one condition",
    ],
    [
      "an empty nested group",
      {
        kind: "group",
        match: "all",
        conditions: [{ kind: "group", match: "any", conditions: [] }],
      },
      "conditions.0.conditions: a group needs at least one condition",
    ],
    [
      "an unknown attribute type",
      {
        kind: "group",
        match: "all",
        conditions: [{ kind: "attribute", key: "plan", type: "uuid", op: "equals", value: "x" }],
      },
      "conditions.0.type: must be one of string, number, boolean, date, array",
    ],
    [
      "a value of the wrong type",
      {
        kind: "group",
        match: "all",
        conditions: [{ kind: "attribute", key: "seats", type: "number", op: "gt", value: "ten" }],
      },
      "conditions.0.value: must be a number",
    ],
    [
      "an operator of another type",
      {
        kind: "group",
        match: "all",
        conditions: [{ kind: "attribute", key: "seats", type: "number", op: "contains", value: 1 }],
      },
      'conditions.0.op: "contains" does not apply to number values; use one of eq, neq, gt, gte, lt, lte, between, is_set, is_not_set',
    ],
    [
      "a value where none is taken",
      {
        kind: "group",
        match: "all",
        conditions: [{ kind: "attribute", key: "vip", type: "boolean", op: "is_true", value: 1 }],
      },
      'conditions.0.value: "is_true" takes no value',
    ],
    [
      "a reversed range",
      {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "attribute", key: "seats", type: "number", op: "between", value: [5, 1] },
        ],
      },
      "conditions.0.value: low must not be above high",
    ],
    [
      "an event without a name",
      { kind: "group", match: "all", conditions: [{ kind: "event", name: " " }] },
      "conditions.0.name: choose an event",
    ],
    [
      "an unknown condition",
      { kind: "group", match: "all", conditions: [{ kind: "weather" }] },
      "conditions.0.kind: must be one of attribute, account, profile, signup, event, event_time, sequence, channel, topic, device, segment, group",
    ],
  ])("refuses %s with a message pointing at the condition", (_name, def, message) => {
    expect(issues(def)).toEqual([message]);
  });

  it("accepts every condition kind", () => {
    for (const [name, c] of CASES)
      expect(
        ZSegmentDefinition.safeParse({ kind: "group", match: "all", conditions: [c as TCondition] })
          .success,
        name,
      ).toBe(true);
  });
});
