import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { findRun, runProgress, sliceStarts } from "@/db/queries/campaign-runs";
import { findCampaign } from "@/db/queries/campaigns";
import { useTestDb } from "@/db/testing/test-db";
import { createCampaign } from "../save-campaign";
import { launchCampaign } from "../launch-campaign";
import { controlCampaign } from "../control-campaign";
import { deliveriesOf, expectedOutcome, makeCampaignTenant } from "../testing/campaign-fixtures";
import { drainSlice, type TDrainResult } from "./drain-slice";
import { snapshotRun } from "./snapshot-run";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

type TTenant = Awaited<ReturnType<typeof makeCampaignTenant>>;

const campaignBody = (t: TTenant, extra: Record<string, unknown> = {}) => ({
  name: `Spring ${Math.random().toString(36).slice(2, 8)}`,
  audience: { kind: "segment", segmentId: t.segment.id },
  channel: "email",
  treatments: [
    { label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 50 },
    { label: "B", templateId: t.templates[1]!.id, templateVersion: 1, percent: 50 },
  ],
  holdoutPercent: 10,
  schedule: { kind: "now" },
  ...extra,
});

/** Drains the whole run with `workers` concurrent drainers over the same slices, as the executor would. */
async function drainAll(runId: string, workers = 3, now?: () => Date) {
  const starts = await sliceStarts(runId, 250);
  const slices = starts.map((from, i) => ({ runId, from, to: starts[i + 1] ?? null }));
  const results: TDrainResult[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      // Each worker walks the slices from a different start, so they meet on the same rows.
      for (let k = 0; k < slices.length; k++) {
        const slice = slices[(k + w) % slices.length]!;
        for (;;) {
          const r = await drainSlice(slice, { batchSize: 100, ...(now ? { now } : {}) });
          results.push(r);
          if (r.kind !== "sent") break;
        }
      }
    }),
  );
  return results;
}

async function launchAndSnapshot(t: TTenant, extra: Record<string, unknown> = {}) {
  const campaign = await createCampaign(t.ws, t.userId, campaignBody(t, extra));
  const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
  const counts = await snapshotRun(run.id);
  return { campaign, run, counts: counts! };
}

describe("campaign bulk delivery", () => {
  let t: TTenant;
  beforeAll(async () => {
    t = await makeCampaignTenant("Bulk", 1200);
  });

  it("snapshots the segment in one statement, splits holdout and treatments by a stable hash, and sends each recipient once", async () => {
    const { campaign, run, counts } = await launchAndSnapshot(t);
    // 80 % of 1,200 are on the pro plan.
    expect(counts.audience).toBe(960);
    const holdout = counts.audience - counts.queued;
    // 10 % ± 4 standard deviations of a binomial(960, 0.1).
    expect(Math.abs(holdout - 96)).toBeLessThan(4 * Math.sqrt(960 * 0.1 * 0.9));

    const results = await drainAll(run.id);
    expect(results.some((r) => r.kind === "sent")).toBe(true);

    const rows = await deliveriesOf(run.id);
    expect(rows).toHaveLength(960);
    for (const r of rows) {
      if (r.status === "holdout") expect(r.treatment).toBeNull();
      else expect(r.status).toBe(expectedOutcome(r.n, {}));
    }
    const a = rows.filter((r) => r.treatment === 0).length;
    const b = rows.filter((r) => r.treatment === 1).length;
    expect(a + b).toBe(counts.queued);
    expect(Math.abs(a - counts.queued / 2)).toBeLessThan(4 * Math.sqrt(counts.queued * 0.25));

    // One message per sent delivery, in the messages log, with the campaign as its origin.
    const messages = await executeRows<{
      contact_id: string;
      status: string;
      origin: Record<string, unknown>;
      template_id: string;
      subject: string;
      n: number;
    }>(sql`select m.contact_id, m.status, m.origin, m.template_id, m.content->>'subject' as subject,
        (c.attributes->>'n')::int as n
      from messages m join contacts c on c.id = m.contact_id
      where m.workspace_id = ${t.ws} and m.origin->>'kind' = 'campaign' and m.status <> 'skipped'`);
    const sent = rows.filter((r) => r.status === "sent");
    expect(messages).toHaveLength(sent.length);
    expect(new Set(messages.map((m) => m.contact_id)).size).toBe(messages.length);
    for (const m of messages) {
      expect(m.status).toBe("delivered"); // the outbox is the provider
      expect(m.origin).toMatchObject({ kind: "campaign", campaignId: campaign.id, runId: run.id });
      const treatment = rows.find((r) => r.n === m.n)!.treatment!;
      expect(m.template_id).toBe(t.templates[treatment]!.id);
      expect(m.subject).toBe(treatment === 0 ? `Spring sale, C${m.n}` : "Last days of spring");
    }
    // A suppressed contact's delivery names the skipped message that says why (the message log).
    const skipped = await executeRows<{ reason: string }>(
      sql`select m.reason from campaign_deliveries d join messages m on m.id = d.message_id
        where d.run_id = ${run.id} and d.status = 'suppressed'`,
    );
    expect(skipped.length).toBe(rows.filter((r) => r.status === "suppressed").length);
    expect(new Set(skipped.map((m) => m.reason))).toEqual(new Set(["suppressed (hard bounce)"]));
    // Lifecycle events and contact events, as the single-message path writes them.
    const [ev] = await executeRows<{ sent: number; delivered: number; contact: number }>(
      sql`select (select count(*)::int from message_events e join messages m on m.id = e.message_id
            where m.origin->>'runId' = ${run.id} and e.type = 'sent') as sent,
          (select count(*)::int from message_events e join messages m on m.id = e.message_id
            where m.origin->>'runId' = ${run.id} and e.type = 'delivered') as delivered,
          (select count(*)::int from events where workspace_id = ${t.ws} and name = 'Email Delivered'
            and properties->>'campaignId' = ${campaign.id}) as contact`,
    );
    expect(ev).toEqual({ sent: sent.length, delivered: sent.length, contact: sent.length });

    // Progress counts over the raw rows; the run and the campaign are completed.
    const progress = await runProgress(t.ws, run.id);
    expect(progress.total).toBe(960);
    expect(progress.byStatus.sent).toBe(sent.length);
    expect(progress.byStatus.holdout).toBe(holdout);
    expect(progress.byStatus.queued ?? 0).toBe(0);
    expect((progress.byTreatment["0"]?.sent ?? 0) + (progress.byTreatment["1"]?.sent ?? 0)).toBe(
      sent.length,
    );
    expect(await findRun(t.ws, run.id)).toMatchObject({ status: "completed", pending: 0 });
    expect(await findCampaign(t.ws, campaign.id)).toMatchObject({ state: "completed" });

    // The hash is stable: the same campaign's next run puts every contact in the same group.
    await db().execute(sql`update campaigns set state = 'draft' where id = ${campaign.id}`);
    const again = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    await snapshotRun(again.id);
    const second = await deliveriesOf(again.id);
    const group = (r: { status: string; treatment: number | null }) =>
      r.status === "holdout" ? "h" : String(r.treatment);
    const first = new Map(rows.map((r) => [r.n, group(r)]));
    expect(second.every((r) => first.get(r.n) === group(r))).toBe(true);
  });

  it("counts every skip reason: opted out, no address, suppressed, frequency cap, quiet hours", async () => {
    const now = new Date();
    const tokyoHour = Number(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Tokyo",
        hour: "2-digit",
        hourCycle: "h23",
      })
        .format(now)
        .slice(0, 2),
    );
    const hh = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
    const { run, counts } = await launchAndSnapshot(t, {
      holdoutPercent: 0,
      limits: {
        dailyCapPerContact: 1,
        quietHours: { start: hh(tokyoHour), end: hh(tokyoHour + 1) },
      },
    });
    expect(counts.queued).toBe(960);
    // Who already got a marketing message in the last 24 hours (the first test's recipients among them).
    const prior = new Set(
      (
        await executeRows<{ n: number }>(
          sql`select distinct (c.attributes->>'n')::int as n from messages m join contacts c on c.id = m.contact_id
            where m.workspace_id = ${t.ws} and m.status in ('sent', 'delivered') and m.sent_at > now() - interval '1 day'
              and m.origin->>'kind' in ('campaign', 'journey')`,
        )
      ).map((r) => r.n),
    );
    await drainAll(run.id, 2, () => now);
    const rows = await deliveriesOf(run.id);
    const got: Record<string, number> = {};
    for (const r of rows) {
      const e = expectedOutcome(r.n, {});
      const want =
        e !== "sent"
          ? e
          : prior.has(r.n)
            ? "frequency_cap"
            : r.n % 7 === 0
              ? "quiet_hours"
              : "sent";
      expect({ n: r.n, status: r.status }).toEqual({ n: r.n, status: want });
      got[r.status] = (got[r.status] ?? 0) + 1;
    }
    const reasons = ["opted_out", "no_address", "suppressed", "frequency_cap", "quiet_hours"];
    for (const reason of reasons) expect(got[reason] ?? 0).toBeGreaterThan(0);
    const progress = await runProgress(t.ws, run.id);
    for (const reason of reasons)
      expect(progress.byStatus[reason as "opted_out"]).toBe(got[reason]);
  });

  it("drops what is unsent once the run expires, and counts it", async () => {
    const { run, counts } = await launchAndSnapshot(t, { holdoutPercent: 0 });
    await db().execute(
      sql`update campaign_runs set expires_at = now() - interval '1 second' where id = ${run.id}`,
    );
    const starts = await sliceStarts(run.id, 10_000);
    expect(await drainSlice({ runId: run.id, from: starts[0]!, to: null })).toEqual({
      kind: "stopped",
      status: "expired",
    });
    expect((await runProgress(t.ws, run.id)).byStatus.expired).toBe(counts.queued);
    expect(await findRun(t.ws, run.id)).toMatchObject({ status: "completed", pending: 0 });
  });

  it("never sends twice: a drain after a crash between send and settle finds the message", async () => {
    const t2 = await makeCampaignTenant("Crash", 200);
    const { run } = await launchAndSnapshot(t2, { holdoutPercent: 0 });
    await drainAll(run.id, 2);
    const before = await executeRows<{ id: string; contact_id: string }>(
      sql`select id, contact_id from messages where origin->>'runId' = ${run.id} and status <> 'skipped' order by contact_id`,
    );
    expect(before.length).toBeGreaterThan(100);
    // As if the worker died after the provider took the messages but before settling: the
    // deliveries are still claimed (stale) and the run still counts them as pending.
    await db()
      .execute(sql`update campaign_deliveries set status = 'sending', claimed_at = now() - interval '1 hour', message_id = null
      where run_id = ${run.id} and status = 'sent'`);
    await db().execute(
      sql`update campaign_runs set status = 'sending', pending = ${before.length} where id = ${run.id}`,
    );
    await drainAll(run.id, 3);
    const after = await executeRows<{ id: string; contact_id: string }>(
      sql`select id, contact_id from messages where origin->>'runId' = ${run.id} and status <> 'skipped' order by contact_id`,
    );
    expect(after).toEqual(before);
    const rows = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from campaign_deliveries d join messages m on m.id = d.message_id
        where d.run_id = ${run.id} and d.status = 'sent'`,
    );
    expect(rows[0]!.n).toBe(before.length);
    expect(await findRun(t2.ws, run.id)).toMatchObject({ status: "completed", pending: 0 });
  });

  it("pauses between batches and resumes where it stopped", async () => {
    const t3 = await makeCampaignTenant("Pause", 300);
    const { campaign, run } = await launchAndSnapshot(t3, { holdoutPercent: 0 });
    const starts = await sliceStarts(run.id, 10_000);
    const slice = { runId: run.id, from: starts[0]!, to: null };
    expect((await drainSlice(slice, { batchSize: 50 })).kind).toBe("sent");
    await controlCampaign(t3.ws, campaign.id, "pause", t3.userId);
    expect(await drainSlice(slice)).toEqual({ kind: "stopped", status: "paused" });
    const paused = await runProgress(t3.ws, run.id);
    expect(paused.byStatus.queued).toBeGreaterThan(0);
    const { resumed } = await controlCampaign(t3.ws, campaign.id, "resume", t3.userId);
    expect(resumed.map((r) => r.id)).toEqual([run.id]);
    await drainAll(run.id, 2);
    const done = await runProgress(t3.ws, run.id);
    expect(done.byStatus.queued ?? 0).toBe(0);
    const [m] = await executeRows<{ n: number; distinct: number }>(
      sql`select count(*)::int as n, count(distinct contact_id)::int as distinct from messages
        where origin->>'runId' = ${run.id} and status <> 'skipped'`,
    );
    expect(m!.n).toBe(m!.distinct);
    expect(m!.n).toBe(done.byStatus.sent);
  });

  it("snapshots a run once, and its deliveries go when the run does", async () => {
    const { run, counts } = await launchAndSnapshot(t);
    const stored = async () =>
      (
        await executeRows<{ n: number }>(
          sql`select count(*)::int as n from campaign_deliveries where run_id = ${run.id}`,
        )
      )[0]!.n;
    expect(await stored()).toBe(counts.audience);
    // A retried snapshot step finds the run past `snapshotting` and writes nothing more.
    expect(await snapshotRun(run.id)).toBeNull();
    expect(await stored()).toBe(counts.audience);
    // No foreign key on run_id (migration 0038): a trigger deletes a run's deliveries with it,
    // as the cascade did, whether the run goes alone or with its campaign or workspace.
    await db().execute(sql`delete from campaign_runs where id = ${run.id}`);
    expect(await stored()).toBe(0);
  });

  it("refuses bad campaigns with the field named, and writes nothing", async () => {
    const before = await executeRows<{ n: number }>(sql`select count(*)::int as n from campaigns`);
    const bad = async (extra: Record<string, unknown>) =>
      createCampaign(t.ws, t.userId, campaignBody(t, extra)).then(
        () => null,
        (e: { fields?: Record<string, string> }) => Object.keys(e.fields ?? {}),
      );
    expect(await bad({ name: "" })).toEqual(["name"]);
    expect(await bad({ audience: { kind: "segment" } })).toEqual(["audience.segmentId"]);
    expect(
      await bad({
        treatments: [
          { label: "A", templateId: t.templates[0]!.id, templateVersion: 1, percent: 60 },
        ],
      }),
    ).toEqual(["treatments"]);
    expect(
      await bad({
        treatments: [
          { label: "A", templateId: t.templates[0]!.id, templateVersion: 7, percent: 100 },
        ],
      }),
    ).toEqual(["treatments.0.templateVersion"]);
    expect(await bad({ channel: "sms" })).toEqual([
      "treatments.0.templateId",
      "treatments.1.templateId",
    ]);
    const past = await createCampaign(
      t.ws,
      t.userId,
      campaignBody(t, { schedule: { kind: "at", sendAt: "2020-01-01T09:00:00Z" } }),
    );
    await expect(launchCampaign(t.ws, past.id, t.userId)).rejects.toMatchObject({
      fields: { "schedule.sendAt": "Choose a time in the future" },
    });
    const after = await executeRows<{ n: number }>(sql`select count(*)::int as n from campaigns`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    expect(await findCampaign(t.ws, past.id)).toMatchObject({ state: "draft" });
  });
});

describe("a contact erased mid-run", () => {
  it("does not keep the run from completing", async () => {
    const t4 = await makeCampaignTenant("Erase", 100);
    const { run, counts } = await launchAndSnapshot(t4, { holdoutPercent: 0 });
    // Erasing the contact takes its queued delivery with it (the foreign key cascades).
    await db().execute(sql`delete from contacts where id = (
      select contact_id from campaign_deliveries where run_id = ${run.id} and status = 'queued' limit 1)`);
    await drainAll(run.id, 1);
    expect(await findRun(t4.ws, run.id)).toMatchObject({ status: "completed", pending: 0 });
    expect((await runProgress(t4.ws, run.id)).total).toBe(counts.audience - 1);
  });
});
