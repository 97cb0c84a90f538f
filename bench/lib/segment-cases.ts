/**
 * The five segments of bench/segment-counts.ts: each a definition as the builder saves it, and the
 * best SQL written by hand for the same contacts ($1 the workspace, $2 "now"). `saves` are
 * segments saved first, referred to by name.
 */
export type TSegmentCase = {
  name: string;
  saves?: Record<string, unknown>;
  definition: (saved: Map<string, string>) => unknown;
  hand: string;
};

const all = (...conditions: unknown[]) => ({ kind: "group", match: "all", conditions });

export const SEGMENT_CASES: TSegmentCase[] = [
  {
    name: "new in VN, opened an email, never purchased",
    definition: () =>
      all(
        { kind: "signup", type: "date", op: "within_last_days", value: 7 },
        { kind: "profile", field: "country", type: "string", op: "equals", value: "VN" },
        { kind: "event", name: "Email Opened" },
        { kind: "event", name: "Order Completed", count: { op: "exactly", value: 0 } },
      ),
    hand: `select count(*) as n from contacts c
      where c.workspace_id = $1 and c.created_at between $2::timestamptz - interval '7 days' and $2::timestamptz and c.country = 'VN'
        and exists (select 1 from events e where e.workspace_id = $1 and e.contact_id = c.id and e.name = 'Email Opened')
        and not exists (select 1 from events e where e.workspace_id = $1 and e.contact_id = c.id and e.name = 'Order Completed')`,
  },
  {
    name: "cart in last 30 days, no order within 3 h (sequence)",
    definition: () =>
      all({
        kind: "sequence",
        first: { name: "Added to Cart" },
        then: { name: "Order Completed" },
        withinHours: 3,
        mode: "not_followed_by",
        window: { lastDays: 30 },
      }),
    hand: `select count(distinct a.contact_id) as n from events a
      where a.workspace_id = $1 and a.name = 'Added to Cart' and a.occurred_at between $2::timestamptz - interval '30 days' and $2::timestamptz - interval '3 hours'
        and not exists (select 1 from events b where b.workspace_id = $1 and b.contact_id = a.contact_id and b.name = 'Order Completed'
          and b.occurred_at between a.occurred_at and a.occurred_at + interval '3 hours'
          and b.occurred_at between $2::timestamptz - interval '30 days' and $2::timestamptz)`,
  },
  {
    name: "VIP tier with a push token",
    definition: () =>
      all(
        { kind: "attribute", key: "tier", type: "string", op: "equals", value: "vip" },
        { kind: "channel", channel: "push", state: "has_address" },
      ),
    hand: `select count(*) as n from contacts c
      where c.workspace_id = $1 and c.attributes @> '{"tier":"vip"}' and exists (select 1 from push_tokens pt where pt.contact_id = c.id)`,
  },
  {
    name: "3+ orders over 100 in the last 30 days",
    definition: () =>
      all({
        kind: "event",
        name: "Order Completed",
        filters: [{ property: "amount", type: "number", op: "gt", value: 100 }],
        count: { op: "at_least", value: 3 },
        window: { lastDays: 30 },
      }),
    hand: `select count(*) as n from (select e.contact_id from events e
      where e.workspace_id = $1 and e.name = 'Order Completed' and e.occurred_at between $2::timestamptz - interval '30 days' and $2::timestamptz
        and (e.properties ->> 'amount')::numeric > 100
      group by e.contact_id having count(*) >= 3) x`,
  },
  {
    name: "in “Buyers, 90 days”, emailable, in Asia or Vietnamese",
    saves: {
      "Buyers, 90 days": all({ kind: "event", name: "Order Completed", window: { lastDays: 90 } }),
    },
    definition: (saved) =>
      all(
        { kind: "segment", segmentId: saved.get("Buyers, 90 days"), in: true },
        { kind: "channel", channel: "email", state: "reachable" },
        {
          kind: "group",
          match: "any",
          conditions: [
            {
              kind: "profile",
              field: "timezone",
              type: "string",
              op: "starts_with",
              value: "Asia/",
            },
            { kind: "profile", field: "locale", type: "string", op: "equals", value: "vi-VN" },
          ],
        },
      ),
    hand: `select count(*) as n from contacts c
      where c.workspace_id = $1 and c.email is not null and (c.timezone like 'Asia/%' or c.locale = 'vi-VN')
        and c.id in (select e.contact_id from events e where e.workspace_id = $1 and e.name = 'Order Completed' and e.occurred_at between $2::timestamptz - interval '90 days' and $2::timestamptz)
        and not exists (select 1 from channel_subscriptions s where s.contact_id = c.id and s.status = 'unsubscribed' and s.channel in ('all', 'email'))`,
  },
];
