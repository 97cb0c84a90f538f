// The journey runtime (lib/journeys) checked end to end with its executor adapter bound, so the
// events asserted are the executor's own (names, ids that dedupe): the segment and date triggers and stalled-entry redelivery. It lives in
// inngest/ because lib/ never imports the adapter.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  contacts,
  executorEvents,
  journeyEntries,
  journeySegmentMembers,
  journeyVersions,
  segmentMembers,
  workspaces,
} from "@/db/schema";
import { recordNodeVisit } from "@/db/queries/journeys";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { ingest } from "@/lib/ingest/ingest";
import { onIngested } from "@/lib/ingest/ingested-events";
import { parseCall } from "@/lib/ingest/normalize";
import {
  changeJourneyStatus,
  createJourney,
  publishJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";
import { addCalendarDays } from "@/lib/journeys/interpret/local-time";
import { edge, node } from "@/lib/journeys/testing/graph-fixtures";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import { importStaticSegment } from "@/lib/segments/import-static-segment";
import { createSegment } from "@/lib/segments/save-segment";
import { sendMessage } from "@/lib/messages/send/send-message";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { setEventSink } from "./emit-events";
import { routeIngestedEvents } from "@/lib/journeys/runtime/route-ingested-events";
import { forgetRunningJourneys, runningJourneys } from "@/lib/journeys/runtime/running-journeys";
import { checkSegmentTriggers } from "@/lib/journeys/triggers/segment-trigger-sweep";
import { redeliverStalledEntries } from "@/lib/journeys/runtime/redeliver-stalled-entries";
import { sweepJourneyTriggers } from "@/lib/journeys/triggers/sweep-journey-triggers";

const emitted: { name: string; id?: string; data: Record<string, unknown> }[] = [];
setEventSink(async (events) => void emitted.push(...events));
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let unsubscribe: () => void;
beforeAll(async () => {
  testDb = await useTestDb();
  unsubscribe = onIngested(routeIngestedEvents);
});
afterAll(async () => {
  unsubscribe();
  await testDb.close();
});

async function identify(
  ws: string,
  userId: string,
  traits: Record<string, unknown>,
  context: Record<string, unknown> = {},
) {
  const parsed = parseCall("identify", { userId, traits, context }, new Date(Date.now() + 60_000));
  if (!parsed.ok) throw new Error(`${parsed.field}: ${parsed.message}`);
  await ingest(ws, [parsed.op]);
}

/** Entries of a journey by the contacts' user ids, with their trigger keys. */
async function entries(journeyId: string) {
  const rows = await db()
    .select({ userId: contacts.externalId, key: journeyEntries.triggerKey })
    .from(journeyEntries)
    .innerJoin(contacts, eq(contacts.id, journeyEntries.contactId))
    .where(eq(journeyEntries.journeyId, journeyId));
  return rows.map((r) => `${r.userId} ${r.key.replace(/[0-9a-f-]{36}/, "<id>")}`).sort();
}

async function liveJourney(
  ws: string,
  userId: string,
  name: string,
  trigger: Record<string, unknown>,
  entry: Record<string, unknown> = { mode: "while_not_inside" },
) {
  const template = await createTemplate(ws, userId, { name: `${name} email`, channel: "email" });
  await publishTemplate(ws, template.id, userId);
  const journey = await createJourney(ws, userId, { name });
  await saveJourneyDraft(ws, journey.id, {
    graph: {
      nodes: [
        node("t", "trigger", trigger),
        node("s", "send", { channel: "email", templateId: template.id }),
        node("x", "exit"),
      ],
      edges: [edge("t", "s"), edge("s", "x")],
    },
    settings: { entry },
  });
  await publishJourney(ws, journey.id, userId);
  forgetRunningJourneys(ws);
  return journey;
}

const VIP: TSegmentDefinition = {
  kind: "group",
  match: "all",
  conditions: [{ kind: "attribute", key: "tier", type: "string", op: "equals", value: "vip" }],
};

describe("segment-entered trigger", () => {
  it("enters contacts on the out → in transition, once per transition, from ingestion and from the sweep", async () => {
    const { user, workspace } = await makeTenant("Segment trigger");
    const ws = workspace.id;
    await identify(ws, "early", { email: "early@example.com", tier: "vip" });
    await identify(ws, "plain", { email: "plain@example.com", tier: "free" });
    const segment = await createSegment(ws, user.id, {
      name: "VIPs",
      description: "",
      type: "dynamic",
      definition: VIP,
    });
    const journey = await liveJourney(ws, user.id, "VIP welcome", {
      kind: "segment_entered",
      segmentId: segment.id,
      includeExisting: false,
    });

    // Already a member at publish: part of the baseline, not entered.
    expect(await entries(journey.id)).toEqual([]);
    const [baseline] = await db()
      .select()
      .from(journeySegmentMembers)
      .where(eq(journeySegmentMembers.journeyId, journey.id));
    expect(baseline).toMatchObject({ inSegment: true, pending: false });

    // An identify that makes a contact qualify enters them within the call.
    await identify(ws, "plain", { tier: "vip" });
    expect(await entries(journey.id)).toEqual(["plain segment:<id>:1"]);
    expect(
      emitted.filter(
        (e) => e.name === "journey/contact.entered" && e.data.journeyId === journey.id,
      ),
    ).toHaveLength(1);

    // Staying in the segment is no new transition; leaving and coming back is.
    await identify(ws, "plain", { tier: "vip", city: "Hanoi" });
    await sweepJourneyTriggers();
    expect(await entries(journey.id)).toEqual(["plain segment:<id>:1"]);
    await identify(ws, "plain", { tier: "free" });
    const [out] = await db()
      .select()
      .from(journeySegmentMembers)
      .where(
        and(
          eq(journeySegmentMembers.journeyId, journey.id),
          eq(journeySegmentMembers.inSegment, false),
        ),
      );
    // Recorded as out, with the one transition in still counted, and nothing pending.
    expect(out).toMatchObject({ inSegment: false, pending: false, transitions: 1 });
    // A change that no event reports (a direct write, like a static list edit) waits for the sweep.
    await db()
      .update(contacts)
      .set({ attributes: { tier: "vip" } })
      .where(and(eq(contacts.workspaceId, ws), eq(contacts.externalId, "plain")));
    expect(await entries(journey.id)).toHaveLength(1);
    // The first run is still inside ("while not already inside"): the transition is used up without a second entry.
    await sweepJourneyTriggers();
    expect(await entries(journey.id)).toEqual(["plain segment:<id>:1"]);
    const [member] = await db()
      .select()
      .from(journeySegmentMembers)
      .innerJoin(contacts, eq(contacts.id, journeySegmentMembers.contactId))
      .where(
        and(eq(journeySegmentMembers.journeyId, journey.id), eq(contacts.externalId, "plain")),
      );
    expect(member?.journey_segment_members).toMatchObject({
      inSegment: true,
      transitions: 2,
      pending: false,
    });
  });

  it("enters the members at publish when asked to, and not while paused", async () => {
    const { user, workspace } = await makeTenant("Segment trigger existing");
    const ws = workspace.id;
    await identify(ws, "a", { tier: "vip" });
    await identify(ws, "b", { tier: "vip" });
    const segment = await createSegment(ws, user.id, {
      name: "VIPs",
      description: "",
      type: "dynamic",
      definition: VIP,
    });
    const journey = await liveJourney(
      ws,
      user.id,
      "VIP catch-up",
      { kind: "segment_entered", segmentId: segment.id, includeExisting: true },
      { mode: "once" },
    );
    expect(await entries(journey.id)).toEqual(["a segment:<id>:1", "b segment:<id>:1"]);

    await changeJourneyStatus(ws, journey.id, "pause");
    await identify(ws, "c", { tier: "vip" });
    await sweepJourneyTriggers();
    expect(await entries(journey.id)).toHaveLength(2);
    // Joining while paused is not an entry owed on resume.
    await changeJourneyStatus(ws, journey.id, "resume");
    expect(await entries(journey.id)).toHaveLength(2);
    await identify(ws, "d", { tier: "vip" });
    expect(await entries(journey.id)).toEqual([
      "a segment:<id>:1",
      "b segment:<id>:1",
      "d segment:<id>:1",
    ]);
  });

  it("follows a static list through the sweep, and concurrent sweeps and checks enter each transition once", async () => {
    const { user, workspace } = await makeTenant("Segment trigger static");
    const ws = workspace.id;
    for (const id of ["s1", "s2", "s3"]) await identify(ws, id, { email: `${id}@example.com` });
    const { segment } = await importStaticSegment(ws, user.id, {
      name: "Imported",
      description: "",
      csv: "user_id\ns1\n",
    });
    const journey = await liveJourney(ws, user.id, "Imported list", {
      kind: "segment_entered",
      segmentId: segment.id,
      includeExisting: false,
    });
    const ids = await db()
      .select({ id: contacts.id, userId: contacts.externalId })
      .from(contacts)
      .where(eq(contacts.workspaceId, ws));
    await db()
      .insert(segmentMembers)
      .values(
        ids
          .filter((c) => c.userId !== "s1")
          .map((c) => ({ segmentId: segment.id, contactId: c.id })),
      );
    const running = (await runningJourneys(ws)).map((j) => ({ ...j, workspaceId: ws }));
    await Promise.all([
      sweepJourneyTriggers(),
      sweepJourneyTriggers(),
      checkSegmentTriggers(
        running,
        ids.map((c) => c.id),
      ),
      checkSegmentTriggers(
        running,
        ids.map((c) => c.id),
      ),
    ]);
    expect(await entries(journey.id)).toEqual(["s2 segment:<id>:1", "s3 segment:<id>:1"]);
    expect(
      emitted.filter(
        (e) => e.name === "journey/contact.entered" && e.data.journeyId === journey.id,
      ),
    ).toHaveLength(2);
  });

  it("enters a transition another process recorded but could not claim, on the next check of that contact", async () => {
    // The race CI met on PostgreSQL: a check's insert found the row already recorded by a
    // concurrent check (so it recorded nothing) yet held it locked through its conflict clause,
    // while the recorder's claim skipped the locked row. The row stayed pending with no entry.
    const { user, workspace } = await makeTenant("Segment trigger unclaimed");
    const ws = workspace.id;
    await identify(ws, "u1", { email: "u1@example.com" });
    const { segment } = await importStaticSegment(ws, user.id, {
      name: "Imported",
      description: "",
      csv: "user_id\nu1\n",
    });
    const journey = await liveJourney(ws, user.id, "Unclaimed", {
      kind: "segment_entered",
      segmentId: segment.id,
      includeExisting: false,
    });
    const [member] = await db()
      .select({ contactId: journeySegmentMembers.contactId })
      .from(journeySegmentMembers)
      .where(eq(journeySegmentMembers.journeyId, journey.id));
    // As the recorder left it: inside, its first transition, pending.
    await db()
      .update(journeySegmentMembers)
      .set({ pending: true, transitions: 1 })
      .where(eq(journeySegmentMembers.journeyId, journey.id));
    const running = (await runningJourneys(ws)).map((j) => ({ ...j, workspaceId: ws }));
    expect(await checkSegmentTriggers(running, [member!.contactId])).toBe(1);
    expect(await entries(journey.id)).toEqual(["u1 segment:<id>:1"]);
    expect(await checkSegmentTriggers(running, [member!.contactId])).toBe(0);
  });

  it("re-checks after a send only the segments a send can change: events and devices, not attributes", async () => {
    const { user, workspace } = await makeTenant("Send outcomes");
    const ws = workspace.id;
    await identify(ws, "reader", { email: "reader@example.com", tier: "free" });
    const mailed = await createSegment(ws, user.id, {
      name: "Mailed",
      description: "",
      type: "dynamic",
      definition: {
        kind: "group",
        match: "all",
        conditions: [
          {
            kind: "event",
            name: "Email Delivered",
            filters: [],
            count: { op: "at_least", value: 1 },
          },
        ],
      },
    });
    const vips = await createSegment(ws, user.id, {
      name: "VIPs",
      description: "",
      type: "dynamic",
      definition: VIP,
    });
    const trigger = (segmentId: string) => ({
      kind: "segment_entered",
      segmentId,
      includeExisting: false,
    });
    const afterMail = await liveJourney(ws, user.id, "After mail", trigger(mailed.id));
    const welcome = await liveJourney(ws, user.id, "VIP welcome", trigger(vips.id));
    // A change no event reports (a direct write), then a message to the reader.
    const [reader] = await db()
      .update(contacts)
      .set({ attributes: { tier: "vip" } })
      .where(and(eq(contacts.workspaceId, ws), eq(contacts.externalId, "reader")))
      .returning();
    const template = await createTemplate(ws, user.id, { name: "Receipt", channel: "email" });
    await publishTemplate(ws, template.id, user.id);
    const sent = await sendMessage({
      workspaceId: ws,
      contactId: reader!.id,
      templateId: template.id,
      idempotencyKey: "receipt-1",
      origin: { kind: "api" },
    });
    expect(sent).toMatchObject({ status: "delivered", duplicate: false });

    // The send's own events put the reader in the segment over them, within the send.
    expect(await entries(afterMail.id)).toEqual(["reader segment:<id>:1"]);
    // A send changes no attribute, so the attribute segment was not checked: the sweep finds it.
    expect(await entries(welcome.id)).toEqual([]);
    await sweepJourneyTriggers();
    expect(await entries(welcome.id)).toEqual(["reader segment:<id>:1"]);
  });

  it("keeps tenants apart: another workspace's contacts never enter", async () => {
    const mine = await makeTenant("Segment trigger mine");
    const theirs = await makeTenant("Segment trigger theirs");
    const segment = await createSegment(mine.workspace.id, mine.user.id, {
      name: "VIPs",
      description: "",
      type: "dynamic",
      definition: VIP,
    });
    const journey = await liveJourney(mine.workspace.id, mine.user.id, "Mine", {
      kind: "segment_entered",
      segmentId: segment.id,
      includeExisting: true,
    });
    await identify(theirs.workspace.id, "stranger", { tier: "vip" });
    await sweepJourneyTriggers();
    expect(await entries(journey.id)).toEqual([]);
  });
});

describe("date-attribute trigger", () => {
  it("enters contacts on their date in their own zone, once per occurrence", async () => {
    const { user, workspace } = await makeTenant("Birthday trigger");
    const ws = workspace.id;
    await db().update(workspaces).set({ timezone: "Europe/Paris" }).where(eq(workspaces.id, ws));
    // A day well away from today, so publishing (which sweeps at the real time) enters nobody.
    const day = addCalendarDays(new Date().toISOString().slice(0, 10), 100);
    await identify(ws, "tokyo", { birthday: `1990-${day.slice(5)}` }, { timezone: "Asia/Tokyo" });
    await identify(ws, "paris", { birthday: `1985-${day.slice(5)}` });
    await identify(
      ws,
      "other-day",
      { birthday: `1985-${addCalendarDays(day, 1).slice(5)}` },
      { timezone: "Asia/Tokyo" },
    );
    await identify(ws, "no-date", { birthday: "soon" });
    const journey = await liveJourney(
      ws,
      user.id,
      "Birthday",
      { kind: "date_attribute", attribute: "birthday", offsetDays: 0, time: "09:00", yearly: true },
      { mode: "reentry_after", days: 300 },
    );
    expect(await entries(journey.id)).toEqual([]);

    // 09:00 in Tokyo; still the night before in Paris.
    await sweepJourneyTriggers(new Date(`${day}T00:00:00Z`));
    expect(await entries(journey.id)).toEqual([`tokyo date:<id>:${day}`]);
    // Past 09:00 in Paris (winter or summer time); sweeping again the same day enters nobody twice.
    await sweepJourneyTriggers(new Date(`${day}T08:00:00Z`));
    await sweepJourneyTriggers(new Date(`${day}T20:00:00Z`));
    expect(await entries(journey.id)).toEqual([`paris date:<id>:${day}`, `tokyo date:<id>:${day}`]);
  });
});

describe("stalled entries", () => {
  it("re-sends the start of entries whose run never began, under the same event id", async () => {
    const { user, workspace } = await makeTenant("Stalled entries");
    const ws = workspace.id;
    await identify(ws, "lost", { tier: "vip" });
    await identify(ws, "running", { tier: "vip" });
    const segment = await createSegment(ws, user.id, {
      name: "VIPs",
      description: "",
      type: "dynamic",
      definition: VIP,
    });
    // The executor is unreachable while both enter.
    setEventSink(async () => {
      throw new Error("executor down");
    });
    const journey = await liveJourney(ws, user.id, "Stalled", {
      kind: "segment_entered",
      segmentId: segment.id,
      includeExisting: true,
    });
    setEventSink(async (events) => void emitted.push(...events));
    const rows = await db()
      .select({ id: journeyEntries.id, userId: contacts.externalId })
      .from(journeyEntries)
      .innerJoin(contacts, eq(contacts.id, journeyEntries.contactId))
      .where(eq(journeyEntries.journeyId, journey.id));
    expect(rows).toHaveLength(2);
    // One run did start after all (its entry moved past the trigger).
    const running = rows.find((r) => r.userId === "running")!;
    await recordNodeVisit(running.id, "t", "next", "s");
    const lost = rows.find((r) => r.userId === "lost")!;

    // Other tests' entries share the database: look at this journey's events only.
    const resent = async (at: Date) => {
      const before = emitted.length;
      await redeliverStalledEntries(at);
      return emitted.slice(before).filter((e) => e.data.journeyId === journey.id);
    };
    expect(await resent(new Date())).toEqual([]); // too soon: the run may just be queued
    expect(await resent(new Date(Date.now() + 3 * 60_000))).toEqual([
      expect.objectContaining({
        name: "journey/contact.entered",
        id: `entry-${lost.id}`,
        data: expect.objectContaining({ entryId: lost.id }),
      }),
    ]);
    expect(await resent(new Date(Date.now() + 24 * 3600_000))).toEqual([]); // past Inngest's dedup window
    // Once the local executor holds the start event, the entry is queued, not lost: not re-sent.
    await db()
      .insert(executorEvents)
      .values({
        id: `entry-${lost.id}`,
        name: "journey/contact.entered",
        data: { entryId: lost.id },
        ts: Date.now(),
      });
    expect(await resent(new Date(Date.now() + 3 * 60_000))).toEqual([]);
  });
});

describe("a live journey whose stored plan cannot be read", () => {
  it("is left out of the running journeys, and the others still enter contacts", async () => {
    const { user, workspace } = await makeTenant("Unreadable plan");
    const ws = workspace.id;
    const event = { kind: "event", event: "Signed Up", filters: [] };
    const good = await liveJourney(ws, user.id, "Readable", event);
    const bad = await liveJourney(ws, user.id, "Hand-edited", event);
    // What a hand-made row looks like: steps but no trigger or settings.
    await db()
      .update(journeyVersions)
      .set({ plan: { version: 1, entryStepId: "t", steps: {} } })
      .where(eq(journeyVersions.journeyId, bad.id));
    forgetRunningJourneys(ws);
    expect((await runningJourneys(ws)).map((j) => j.id)).toEqual([good.id]);

    const parsed = parseCall("track", { userId: "ana", event: "Signed Up" }, new Date());
    if (!parsed.ok) throw new Error(parsed.message);
    await identify(ws, "ana", { email: "ana@example.com" });
    await ingest(ws, [parsed.op]);
    expect(await entries(good.id)).toEqual([expect.stringMatching(/^ana /)]);
    expect(await entries(bad.id)).toEqual([]);
  });
});
