// The journey runtime (lib/journeys) checked end to end with its executor adapter bound, so the
// events asserted are the executor's own (names, ids that dedupe): entering, running and exiting journeys. It lives in
// inngest/ because lib/ never imports the adapter.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { finishEntry, recordNodeVisit } from "@/db/queries/journeys";
import { contacts, journeyEntries, messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import { ingest } from "@/lib/ingest/ingest";
import { parseCall } from "@/lib/ingest/normalize";
import { ZPlan } from "@/lib/journeys/compile/compile-journey";
import { interpretJourney } from "@/lib/journeys/interpret/interpret-journey";
import { journeyStats } from "@/lib/journeys/manage/journey-stats";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";

/** The canvas counts over every day (they read the dashboard's rollups, refreshed first). */
const ALL_DAYS = { from: "2000-01-01", to: "2100-12-31" };
import {
  changeJourneyStatus,
  createJourney,
  InvalidGraphError,
  publishJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";
import { edge, node } from "@/lib/journeys/testing/graph-fixtures";
import { FakeStepPort } from "@/lib/journeys/testing/fake-step-port";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { findJourneyVersionAnyWorkspace } from "@/db/queries/journeys";
import { dbJourneyEffects } from "@/lib/journeys/runtime/db-journey-effects";
import { enterJourneyByApi } from "@/lib/journeys/runtime/enter-by-api";
import { setEventSink } from "./emit-events";
import { enterJourney } from "@/lib/journeys/runtime/enter-journey";
import { runningJourneys } from "@/lib/journeys/runtime/running-journeys";

let sink: TSmtpSink;
const emitted: { name: string; id?: string; data: Record<string, unknown> }[] = [];
setEventSink(async (events) => void emitted.push(...events));
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await testDb.close();
});

/** Stores calls through real ingestion, as the API would. */
async function track(ws: string, type: "identify" | "track", raw: Record<string, unknown>) {
  const parsed = parseCall(type, raw, new Date(Date.now() + 86_400_000 - 1000));
  if (!parsed.ok) throw new Error(`${parsed.field}: ${parsed.message}`);
  await ingest(ws, [parsed.op]);
}

async function setup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  await saveChannelProvider(ws, tenant.user.id, "smtp", {
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
    from: "hello@acme.test",
  });
  const template = await createTemplate(ws, tenant.user.id, { name: "Welcome", channel: "email" });
  await publishTemplate(ws, template.id, tenant.user.id);
  const journey = await createJourney(ws, tenant.user.id, { name: "Welcome journey" });
  const graph = {
    nodes: [
      node("t", "trigger", { kind: "event", event: "Signed Up", filters: [] }),
      node("s1", "send", { channel: "email", templateId: template.id }),
      node("w", "wait", { kind: "duration", amount: 1, unit: "days" }),
      node("b", "branch", {
        condition: {
          kind: "did_event",
          event: "Order Completed",
          filters: [],
          window: { kind: "since_entry" },
        },
      }),
      node("x1", "exit"),
      node("x2", "exit"),
    ],
    edges: [
      edge("t", "s1"),
      edge("s1", "w"),
      edge("w", "b"),
      edge("b", "x1", "yes"),
      edge("b", "x2", "no"),
    ],
  };
  await saveJourneyDraft(ws, journey.id, { graph, settings: { entry: { mode: "once" } } });
  return { tenant, ws, journey, template };
}

describe("journeys over the database", () => {
  it("refuses to publish a graph with an unconnected output, naming the node and handle", async () => {
    const { tenant, ws, journey } = await setup("Invalid");
    await saveJourneyDraft(ws, journey.id, {
      graph: {
        nodes: [
          node("t", "trigger", { kind: "event", event: "x", filters: [] }),
          node("b", "branch", {
            condition: {
              kind: "did_event",
              event: "y",
              filters: [],
              window: { kind: "since_entry" },
            },
          }),
          node("x", "exit"),
        ],
        edges: [edge("t", "b"), edge("b", "x", "yes")],
      },
    });
    const err = await publishJourney(ws, journey.id, tenant.user.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidGraphError);
    expect((err as InvalidGraphError).errors).toContainEqual(
      expect.objectContaining({ nodeIds: ["b"], handle: "no" }),
    );
  });

  it("enters a contact once per trigger event, runs the published plan with real sends, and counts each node", async () => {
    const { tenant, ws, journey } = await setup("Runs");
    expect(await publishJourney(ws, journey.id, tenant.user.id)).toEqual({
      version: 1,
      unchanged: false,
    });
    await track(ws, "identify", {
      userId: "ada",
      traits: { email: "ada@example.com", firstName: "Ada" },
    });
    const [ada] = await db().select().from(contacts).where(eq(contacts.externalId, "ada"));

    const [live] = await runningJourneys(ws);
    const first = await enterJourney({
      workspaceId: ws,
      journey: live!,
      contactId: ada!.id,
      triggerKey: "event:1",
    });
    const again = await enterJourney({
      workspaceId: ws,
      journey: live!,
      contactId: ada!.id,
      triggerKey: "event:1",
    });
    const later = await enterJourney({
      workspaceId: ws,
      journey: live!,
      contactId: ada!.id,
      triggerKey: "event:2",
    });
    expect(first.entryId).not.toBeNull();
    expect(emitted.filter((e) => e.name === "journey/contact.entered")).toEqual([
      {
        name: "journey/contact.entered",
        id: `entry-${first.entryId}`,
        data: { journeyId: journey.id, version: 1, contactId: ada!.id, entryId: first.entryId },
      },
    ]);
    expect(again).toMatchObject({ entryId: null });
    expect(later).toMatchObject({ entryId: null, decision: { reason: "already_entered" } });

    const stored = await findJourneyVersionAnyWorkspace(journey.id, 1);
    const plan = ZPlan.parse(stored!.plan);
    const entryId = first.entryId!;
    const start = new Date();
    const port = new FakeStepPort(start, { data: {} }, [
      {
        at: new Date(start.getTime() + 3_600_000),
        name: "contact/Order Completed",
        data: { contactId: ada!.id, properties: {} },
      },
    ]);
    const effects = dbJourneyEffects(ws, () => port.now());
    // The purchase is a stored event an hour in, so the branch after the day's wait sees it.
    await track(ws, "track", {
      userId: "ada",
      event: "Order Completed",
      timestamp: new Date(start.getTime() + 3_600_000).toISOString(),
    });
    const run = { journeyId: journey.id, version: 1, contactId: ada!.id, entryId };
    const result = await interpretJourney(plan, run, port, effects, {
      onNode: (e, next) => recordNodeVisit(entryId, e.nodeId, e.outcome, next),
    });
    await finishEntry(entryId, { reason: result.exit.reason, converted: result.converted });

    expect(result.path.map((p) => `${p.nodeId}:${p.outcome}`)).toEqual([
      "t:next",
      "s1:next",
      "w:next",
      "b:yes",
      "x1:exit",
    ]);
    const mail = await sink.waitFor((m) => m.to.includes("ada@example.com"));
    expect(mail.subject).toBe("Hello Ada");
    const [msg] = await db().select().from(messages).where(eq(messages.workspaceId, ws));
    expect(msg).toMatchObject({ idempotencyKey: `${entryId}:s1`, status: "sent" });
    expect(msg!.origin).toMatchObject({
      kind: "journey",
      journeyId: journey.id,
      nodeId: "s1",
      runId: entryId,
    });

    await refreshRollups();
    const stats = await journeyStats(ws, journey.id, ALL_DAYS);
    // Each node also counts the outcome its contacts took (the canvas labels its edges with them).
    expect(stats.nodes.s1).toEqual({ entered: 1, waiting: 0, passed: 1, outcomes: { next: 1 } });
    expect(stats.nodes.b).toMatchObject({ entered: 1, waiting: 0, passed: 1 });
    expect(Object.values(stats.nodes.b!.outcomes)).toEqual([1]);
    expect(stats.totals).toMatchObject({ entered: 1, active: 0, completed: 1 });
  });

  it("stop cancels entries in progress, and their sends are skipped", async () => {
    const { tenant, ws, journey, template } = await setup("Stops");
    await publishJourney(ws, journey.id, tenant.user.id);
    await track(ws, "identify", { userId: "bo", traits: { email: "bo@example.com" } });
    const [bo] = await db().select().from(contacts).where(eq(contacts.externalId, "bo"));
    const [live] = await runningJourneys(ws);
    const { entryId } = await enterJourney({
      workspaceId: ws,
      journey: live!,
      contactId: bo!.id,
      triggerKey: "event:9",
    });
    await refreshRollups();
    expect((await journeyStats(ws, journey.id, ALL_DAYS)).nodes.t).toEqual({
      entered: 1,
      waiting: 1,
      passed: 0,
      outcomes: {},
    });

    await changeJourneyStatus(ws, journey.id, "stop");
    const [entry] = await db().select().from(journeyEntries).where(eq(journeyEntries.id, entryId!));
    expect(entry).toMatchObject({ status: "cancelled", exitReason: "stopped" });
    const outcome = await dbJourneyEffects(ws).sendMessage({
      idempotencyKey: `${entryId}:s1`,
      runId: entryId!,
      journeyId: journey.id,
      version: 1,
      nodeId: "s1",
      contactId: bo!.id,
      channel: "email",
      templateId: template.id,
    });
    expect(outcome).toEqual({ status: "skipped", reason: "journey stopped" });
    expect(sink.mails.some((m) => m.to.includes("bo@example.com"))).toBe(false);
    expect(await runningJourneys(ws)).toEqual([]);
  });

  it("enters a contact by API call into a journey with an API trigger, once per key, never across tenants", async () => {
    const { tenant, ws, journey, template } = await setup("Api");
    const other = await makeTenant("Api other");
    await saveJourneyDraft(ws, journey.id, {
      graph: {
        nodes: [
          node("t", "trigger", { kind: "api" }),
          node("s", "send", { channel: "email", templateId: template.id }),
          node("x", "exit"),
        ],
        edges: [edge("t", "s"), edge("s", "x")],
      },
      settings: { entry: { mode: "while_not_inside" } },
    });
    await publishJourney(ws, journey.id, tenant.user.id);
    await track(ws, "identify", { userId: "cy", traits: { email: "cy@example.com" } });
    const first = await enterJourneyByApi(ws, journey.id, { userId: "cy", key: "order-1" });
    expect(first).toMatchObject({ entered: true });
    expect(await enterJourneyByApi(ws, journey.id, { userId: "cy", key: "order-1" })).toMatchObject(
      { entered: false, reason: "still_inside" },
    );
    await expect(enterJourneyByApi(ws, journey.id, { userId: "nobody" })).rejects.toThrow(
      /No contact/,
    );
    await expect(
      enterJourneyByApi(other.workspace.id, journey.id, { userId: "cy" }),
    ).rejects.toThrow(/No live journey/);
    expect(await db().$count(journeyEntries, eq(journeyEntries.journeyId, journey.id))).toBe(1);
  });
});
