import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  journeyActiveByNode,
  journeyFlowByDay,
  journeyFlowTotals,
  journeyNodeOutcomes,
} from "@/db/queries/analytics-journeys";
import {
  MESSAGE_METRICS,
  messagesByChannel,
  messagesByDay,
  messagesByJourneyNode,
  messagesByTemplateVersion,
  messageTotals,
  type TMessageFilter,
} from "@/db/queries/analytics-messages";
import { rawJourneyFlow, rawMessageCounts, rawNodeOutcomes } from "@/db/queries/analytics-raw";
import { executeRows } from "@/db/execute-rows";
import { messageEvents, messages } from "@/db/schema";
import { insertAnalyticsHistory, setWorkspaceZone } from "@/db/testing/analytics-fixtures";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { eachDay } from "./date-range";
import { refreshRollups } from "./refresh-rollups";

const ZONE = "Europe/Berlin";
// Berlin moves to summer time on 2026-03-29; the history straddles it.
const START = new Date("2026-03-20T00:00:00Z");
let close: () => Promise<void>;
let ws: string;
let other: string;
let journeyId: string;
const RANGES = [
  { from: "2026-03-20", to: "2026-04-06" },
  { from: "2026-03-28", to: "2026-03-30" },
  { from: "2026-03-29", to: "2026-03-29" },
  { from: "2026-04-01", to: "2026-04-03" },
];

const pickMetrics = (b: Partial<Record<string, unknown>> | undefined) =>
  Object.fromEntries(MESSAGE_METRICS.map((m) => [m, Number(b?.[m] ?? 0)]));
const nonZero = (o: Record<string, number>) => Object.values(o).some((v) => v > 0);

beforeAll(async () => {
  ({ close } = await useTestDb());
  const a = await makeTenant("Analytics A");
  const b = await makeTenant("Analytics B");
  ws = a.workspace.id;
  other = b.workspace.id;
  await setWorkspaceZone(ws, ZONE);
  ({ journeyId } = await insertAnalyticsHistory(ws, { seed: 1, start: START, days: 14, n: 300 }));
  // The other tenant's history covers the same days; none of it may count for A.
  await insertAnalyticsHistory(other, { seed: 2, start: START, days: 14, n: 150 });
  await refreshRollups({ now: new Date("2026-04-10T12:00:00Z") });
}, 120_000);
afterAll(async () => close());

describe("message rollups equal direct counts over the raw rows", () => {
  it.each(RANGES)(
    "totals, by day, by channel, per template version and per node for $from – $to",
    async (range) => {
      const f: TMessageFilter = range;
      const raw = await rawMessageCounts(ws, ZONE, f, "none");
      const totals = await messageTotals(ws, f);
      expect(totals).toEqual(pickMetrics(raw.get("all")));

      const rawDays = await rawMessageCounts(ws, ZONE, f, "day");
      const days = await messagesByDay(ws, f);
      for (const d of eachDay(range))
        expect(pickMetrics(days.find((r) => r.day === d)), d).toEqual(pickMetrics(rawDays.get(d)));

      const rawChannels = await rawMessageCounts(ws, ZONE, f, "channel");
      for (const row of await messagesByChannel(ws, f))
        expect(pickMetrics(row)).toEqual(pickMetrics(rawChannels.get(row.channel)));
      expect((await messagesByChannel(ws, f)).filter((r) => nonZero(pickMetrics(r))).length).toBe(
        [...rawChannels.values()].filter(nonZero).length,
      );

      const rawTemplates = await rawMessageCounts(ws, ZONE, f, "template");
      const versions = await messagesByTemplateVersion(ws, f);
      for (const row of versions)
        expect(pickMetrics(row)).toEqual(
          pickMetrics(rawTemplates.get(`${row.template_id}:${row.template_version}`)),
        );
      expect(versions.length).toBe(
        [...rawTemplates.keys()].filter((k) => k !== ":" && k !== "").length,
      );

      const rawNodes = await rawMessageCounts(ws, ZONE, { ...f, journeyId }, "node");
      const nodes = await messagesByJourneyNode(ws, journeyId, f);
      expect(nodes.length).toBe(rawNodes.size);
      for (const row of nodes)
        expect(pickMetrics(row)).toEqual(pickMetrics(rawNodes.get(row.node_id)));
    },
  );

  it("filters by channel and journey", async () => {
    const f = { ...RANGES[0]!, channel: "sms" };
    expect(await messageTotals(ws, f)).toEqual(
      pickMetrics((await rawMessageCounts(ws, ZONE, f, "none")).get("all")),
    );
    const j = { ...RANGES[0]!, journeyId };
    const totals = await messageTotals(ws, j);
    expect(totals).toEqual(pickMetrics((await rawMessageCounts(ws, ZONE, j, "none")).get("all")));
    expect(totals.sent).toBeGreaterThan(300);
  });

  it("never counts another workspace's rows or test sends", async () => {
    const all = await messageTotals(ws, RANGES[0]!);
    const [raw] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from messages where workspace_id = ${ws} and not is_test`,
    );
    expect(all.sent).toBe(raw?.n);
    const [alsoTests] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from messages where workspace_id = ${ws}`,
    );
    expect(alsoTests!.n).toBeGreaterThan(raw!.n);
    const theirs = await messageTotals(other, RANGES[0]!);
    expect(theirs.sent).toBeGreaterThan(0);
    expect(
      await messageTotals(ws, {
        ...RANGES[0]!,
        journeyId: (
          await executeRows<{ id: string }>(
            sql`select id::text from journeys where workspace_id = ${other}`,
          )
        )[0]!.id,
      }),
    ).toMatchObject({ sent: 0, delivered: 0 });
  });
});

describe("day bucketing in the workspace's zone across the DST change", () => {
  it("puts events at local midnight on the right side in winter and in summer time", async () => {
    const [msg] = await db()
      .insert(messages)
      .values({
        workspaceId: ws,
        idempotencyKey: "dst",
        channel: "push",
        origin: { kind: "campaign" },
        status: "sent",
      })
      .returning();
    // 22:30Z on 27 March is 23:30 CET (the 27th); 22:30Z on 29 March is 00:30 CEST (the 30th).
    await db()
      .insert(messageEvents)
      .values([
        {
          workspaceId: ws,
          messageId: msg!.id,
          type: "sent",
          occurredAt: new Date("2026-03-27T22:30:00Z"),
        },
        {
          workspaceId: ws,
          messageId: msg!.id,
          type: "delivered",
          occurredAt: new Date("2026-03-27T23:30:00Z"),
        },
        {
          workspaceId: ws,
          messageId: msg!.id,
          type: "opened",
          occurredAt: new Date("2026-03-29T21:30:00Z"),
        },
        {
          workspaceId: ws,
          messageId: msg!.id,
          type: "clicked",
          occurredAt: new Date("2026-03-29T22:30:00Z"),
        },
      ]);
    const before = await messagesByDay(ws, {
      from: "2026-03-27",
      to: "2026-03-30",
      channel: "push",
    });
    await refreshRollups({ now: new Date("2026-04-10T12:01:00Z") });
    const after = await messagesByDay(ws, {
      from: "2026-03-27",
      to: "2026-03-30",
      channel: "push",
    });
    const delta = (day: string, m: "sent" | "delivered" | "opened" | "clicked") =>
      (after.find((r) => r.day === day)?.[m] ?? 0) - (before.find((r) => r.day === day)?.[m] ?? 0);
    expect([
      delta("2026-03-27", "sent"),
      delta("2026-03-28", "delivered"),
      delta("2026-03-29", "opened"),
      delta("2026-03-30", "clicked"),
    ]).toEqual([1, 1, 1, 1]);
    expect(delta("2026-03-29", "clicked")).toBe(0);
  });
});

describe("incremental refresh", () => {
  it("moves a message to the day of a late-arriving earlier first open", async () => {
    const [msg] = await db()
      .insert(messages)
      .values({
        workspaceId: ws,
        idempotencyKey: "late",
        channel: "webhook",
        origin: { kind: "campaign" },
        status: "sent",
      })
      .returning();
    await db()
      .insert(messageEvents)
      .values({
        workspaceId: ws,
        messageId: msg!.id,
        type: "opened",
        occurredAt: new Date("2026-04-02T10:00:00Z"),
      });
    await refreshRollups({ now: new Date("2026-04-10T13:00:00Z") });
    const f = { from: "2026-03-20", to: "2026-04-06", channel: "webhook" };
    expect((await messagesByDay(ws, f)).map((r) => [r.day, r.opened])).toEqual([["2026-04-02", 1]]);
    await db()
      .insert(messageEvents)
      .values({
        workspaceId: ws,
        messageId: msg!.id,
        type: "opened",
        occurredAt: new Date("2026-03-31T10:00:00Z"),
      });
    await refreshRollups({ now: new Date("2026-04-10T13:00:30Z") });
    expect((await messagesByDay(ws, f)).map((r) => [r.day, r.opened])).toEqual([["2026-03-31", 1]]);
  });

  it("waits for a transaction still writing events, so rows committing out of id order are not skipped", async () => {
    const [msg] = await db()
      .insert(messages)
      .values({
        workspaceId: ws,
        idempotencyKey: "slow",
        channel: "voice",
        origin: { kind: "campaign" },
        status: "sent",
      })
      .returning();
    const day = { from: "2026-04-03", to: "2026-04-03", channel: "voice" };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let drew!: () => void;
    const drawn = new Promise<void>((r) => (drew = r));
    // A slow writer draws its id first and commits last. (On PGlite, with one connection, the
    // refresh simply runs after it; on PostgreSQL the two overlap for real.)
    const slow = db().transaction(async (tx) => {
      await tx.insert(messageEvents).values({
        workspaceId: ws,
        messageId: msg!.id,
        type: "sent",
        occurredAt: new Date("2026-04-03T08:00:00Z"),
      });
      drew();
      await held;
    });
    await drawn;
    const refreshing = refreshRollups({ now: new Date("2026-04-10T13:01:00Z") });
    setTimeout(release, 300);
    await Promise.all([slow, refreshing]);
    expect((await messagesByDay(ws, day)).map((r) => r.sent)).toEqual([1]);
    const [state] = await executeRows<{ safe_id: string }>(
      sql`select safe_id::text from analytics_refresh_state`,
    );
    const [max] = await executeRows<{ m: string }>(
      sql`select max(id)::text as m from message_events`,
    );
    expect(state?.safe_id).toBe(max?.m);
  });

  it("a full rebuild agrees with the incremental result", async () => {
    const order = sql`order by workspace_id, day, channel, template_id, template_version, journey_id, node_id, campaign_id, campaign_run_id, treatment`;
    const incremental = await executeRows(sql`select * from message_daily_rollup ${order}`);
    await refreshRollups({ full: true, now: new Date("2026-04-10T14:00:00Z") });
    expect(await executeRows(sql`select * from message_daily_rollup ${order}`)).toEqual(
      incremental,
    );
  });
});

describe("journey rollups equal direct counts over the raw rows", () => {
  it.each(RANGES)(
    "entries, exits, conversions and node outcomes for $from – $to",
    async (range) => {
      expect(await journeyFlowTotals(ws, journeyId, range)).toEqual(
        await rawJourneyFlow(ws, journeyId, ZONE, range),
      );
      expect(await journeyFlowTotals(ws, null, range)).toEqual(
        await rawJourneyFlow(ws, null, ZONE, range),
      );
      for (const d of eachDay(range)) {
        const row = (await journeyFlowByDay(ws, journeyId, range)).find((r) => r.day === d);
        const { day: _day, ...counts } = row ?? {
          day: d,
          entered: 0,
          exited: 0,
          completed: 0,
          cancelled: 0,
          converted: 0,
        };
        expect(counts, d).toEqual(await rawJourneyFlow(ws, journeyId, ZONE, { from: d, to: d }));
      }
      expect(await journeyNodeOutcomes(ws, journeyId, range)).toEqual(
        await rawNodeOutcomes(ws, journeyId, ZONE, range),
      );
    },
  );

  it("has A/B and holdout groups with conversions, and knows where active contacts are", async () => {
    const outcomes = await journeyNodeOutcomes(ws, journeyId, RANGES[0]!);
    const split = outcomes.filter((o) => o.node_id === "split");
    expect(split.map((o) => o.outcome)).toEqual(["A", "B"]);
    expect(split.every((o) => o.passed > 100 && o.converted > 0)).toBe(true);
    expect(outcomes.filter((o) => o.node_id === "hold").map((o) => o.outcome)).toEqual([
      "continue",
      "held_out",
    ]);
    const active = await journeyActiveByNode(ws, journeyId);
    const [raw] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from journey_entries where journey_id = ${journeyId} and status = 'active'`,
    );
    expect(active).toEqual([{ node_id: "hold", active: raw!.n }]);
    expect(await journeyActiveByNode(other, journeyId)).toEqual([]);
  });

  it("recomputes a conversion recorded after the trailing window's visits were rolled up", async () => {
    const [entry] = await executeRows<{ id: string }>(
      sql`select id::text from journey_entries where journey_id = ${journeyId} and status = 'active' limit 1`,
    );
    const range = { from: "2026-03-20", to: "2026-04-12" };
    const before = await journeyNodeOutcomes(ws, journeyId, range);
    // The entry exits with a conversion "today" (12 April), long after it passed the split.
    await db().execute(
      sql`update journey_entries set status = 'exited', exit_reason = 'goal', converted = true, exited_at = '2026-04-12T09:00:00Z', current_node_id = null where id = ${entry!.id}`,
    );
    await refreshRollups({ now: new Date("2026-04-12T10:00:00Z") });
    const after = await journeyNodeOutcomes(ws, journeyId, range);
    expect(after).toEqual(await rawNodeOutcomes(ws, journeyId, ZONE, range));
    expect(after.reduce((s, o) => s + o.converted, 0)).toBeGreaterThan(
      before.reduce((s, o) => s + o.converted, 0),
    );
    expect(await journeyFlowTotals(ws, journeyId, range)).toEqual(
      await rawJourneyFlow(ws, journeyId, ZONE, range),
    );
  });
});
