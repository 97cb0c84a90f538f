import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  contacts,
  executorSteps,
  executorWaits,
  journeyEntries,
  journeyNodeVisits,
  journeys,
  journeyVersions,
} from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { insertTestMessage } from "@/db/testing/message-fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { cancelJourneyRun, retryJourneyRun } from "@/lib/journeys/runs/manage-runs";
import { nameSteps } from "@/lib/journeys/runs/name-steps";
import {
  claimRuns,
  findRun,
  finishRun,
  insertRuns,
  loadSteps,
  memoiseOwnedStep,
} from "./executor-runs";
import { findJourneyRun, listJourneyRuns, RUN_PAGE_SIZE } from "./journey-runs";

let close: () => Promise<void>;
let a: string;
let b: string;
let journeyA: string;
let journeyA2: string;
let ada: string;
let bob: string;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const PLAN = {
  version: 1,
  entryStepId: "t",
  steps: {
    t: { kind: "trigger", config: { event: "signed_up" } },
    s1: { kind: "send", config: { channel: "email" } },
    w1: { kind: "wait", config: { kind: "duration", amount: 2, unit: "days" } },
  },
};

async function entry(
  workspaceId: string,
  journeyId: string,
  contactId: string,
  minute: number,
  extra: Partial<typeof journeyEntries.$inferInsert> = {},
) {
  const [row] = await db()
    .insert(journeyEntries)
    .values({
      workspaceId,
      journeyId,
      version: 1,
      contactId,
      triggerKey: `k-${Math.random()}`,
      enteredAt: at(minute),
      currentNodeId: "s1",
      ...extra,
    })
    .returning({ id: journeyEntries.id });
  return row!.id;
}

/** A local-executor run of the journey runner for `entryId`, as ingest would create it. */
async function executorRun(id: string, entryId: string) {
  await insertRuns([
    {
      id,
      functionId: "waymark-run-journey",
      event: { name: "journey/contact.entered", data: { entryId } },
      readyAt: at(0),
      idempotencyKey: null,
      concurrencyKey: null,
      concurrencyLimit: null,
    },
  ]);
}

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = (await makeTenant("Runs A")).workspace.id;
  b = (await makeTenant("Runs B")).workspace.id;
  [journeyA, journeyA2] = (
    await db()
      .insert(journeys)
      .values([
        { workspaceId: a, name: "Welcome", draftGraph: {} },
        { workspaceId: a, name: "Winback", draftGraph: {} },
      ])
      .returning({ id: journeys.id })
  ).map((r) => r.id) as [string, string];
  await db().insert(journeyVersions).values({
    journeyId: journeyA,
    version: 1,
    workspaceId: a,
    graph: {},
    settings: {},
    plan: PLAN,
  });
  [ada, bob] = (
    await db()
      .insert(contacts)
      .values([
        { workspaceId: a, externalId: "ada-1", email: "ada@example.com" },
        { workspaceId: a, externalId: "bob-2", email: "bob@example.com" },
      ])
      .returning({ id: contacts.id })
  ).map((r) => r.id) as [string, string];
});
afterAll(() => close());

describe("listJourneyRuns", () => {
  it("lists a workspace's entries newest first, filters by journey, status and contact, and pages by keyset", async () => {
    const e1 = await entry(a, journeyA, ada, 1);
    const e2 = await entry(a, journeyA, bob, 2, {
      status: "completed",
      currentNodeId: null,
      exitedAt: at(5),
      exitReason: "completed",
    });
    const e3 = await entry(a, journeyA2, ada, 3);
    const [bJourney] = await db()
      .insert(journeys)
      .values({ workspaceId: b, name: "B secret", draftGraph: {} })
      .returning({ id: journeys.id });
    const [bContact] = await db()
      .insert(contacts)
      .values({ workspaceId: b, externalId: "ada-1", email: "ada@example.com" })
      .returning({ id: contacts.id });
    await entry(b, bJourney!.id, bContact!.id, 4);

    const all = await listJourneyRuns(a);
    expect(all.rows.map((r) => r.id)).toEqual([e3, e2, e1]);
    expect(all.rows[1]).toMatchObject({
      journeyName: "Welcome",
      version: 1,
      contactUserId: "bob-2",
      contactEmail: "bob@example.com",
      status: "completed",
      exitReason: "completed",
    });
    expect(all.nextCursor).toBeNull();
    expect((await listJourneyRuns(a, { journeyId: journeyA })).rows.map((r) => r.id)).toEqual([
      e2,
      e1,
    ]);
    expect((await listJourneyRuns(a, { status: "completed" })).rows.map((r) => r.id)).toEqual([e2]);
    expect((await listJourneyRuns(a, { contact: "ADA@example" })).rows.map((r) => r.id)).toEqual([
      e3,
      e1,
    ]);
    expect((await listJourneyRuns(a, { contact: "bob-2" })).rows.map((r) => r.id)).toEqual([e2]);
    expect((await listJourneyRuns(a, { contact: "%" })).rows).toEqual([]);
    // Another tenant's journey id finds nothing here, and B sees only its own entry.
    expect((await listJourneyRuns(a, { journeyId: bJourney!.id })).rows).toEqual([]);
    expect((await listJourneyRuns(b)).rows.map((r) => r.journeyName)).toEqual(["B secret"]);

    await db().delete(journeyEntries).where(eq(journeyEntries.workspaceId, a));
  });

  it("pages through more than one page without gaps or repeats", async () => {
    const ids: string[] = [];
    for (let i = 0; i < RUN_PAGE_SIZE + 3; i++)
      ids.push(await entry(a, journeyA2, bob, 100 + Math.floor(i / 2)));
    const first = await listJourneyRuns(a, { journeyId: journeyA2 });
    expect(first.rows).toHaveLength(RUN_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listJourneyRuns(a, { journeyId: journeyA2, after: first.nextCursor });
    expect(second.rows).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id))).toEqual(new Set(ids));
  });
});

describe("findJourneyRun", () => {
  it("shows the entry's visits in order, its messages and its executor run with steps and waits, only in its workspace", async () => {
    const id = await entry(a, journeyA, ada, 200, { currentNodeId: "w1" });
    await db()
      .insert(journeyNodeVisits)
      .values([
        { entryId: id, journeyId: journeyA, nodeId: "t", outcome: "next", passedAt: at(200) },
        { entryId: id, journeyId: journeyA, nodeId: "s1", outcome: "next", passedAt: at(201) },
      ]);
    const msg = await insertTestMessage(a, {
      idempotencyKey: `${id}:s1`,
      contactId: ada,
      status: "failed",
      reason: "SMTP said no",
    });
    await insertTestMessage(b, { idempotencyKey: `${id}:s1` });
    await executorRun("run-detail", id);
    await db()
      .insert(executorSteps)
      .values([
        {
          runId: "run-detail",
          stepId: sha1("journey:start"),
          result: { data: { at: T0, exists: true } },
        },
        { runId: "run-detail", stepId: sha1("node:s1"), result: { data: { status: "failed" } } },
      ]);
    await db()
      .insert(executorWaits)
      .values({
        runId: "run-detail",
        stepId: sha1("node:w1"),
        kind: "sleep",
        eventName: null,
        expression: null,
        expiresAt: at(3000),
      });

    const run = await findJourneyRun(a, id);
    expect(run?.entry).toMatchObject({
      id,
      journeyName: "Welcome",
      contactUserId: "ada-1",
      status: "active",
      currentNodeId: "w1",
    });
    expect(run?.entry.plan).toMatchObject({ entryStepId: "t" });
    expect(run?.visits.map((v) => [v.nodeId, v.outcome])).toEqual([
      ["t", "next"],
      ["s1", "next"],
    ]);
    expect(run?.messages).toEqual([
      expect.objectContaining({
        id: msg.id,
        nodeId: "s1",
        status: "failed",
        reason: "SMTP said no",
      }),
    ]);
    expect(run?.executor).toMatchObject({ id: "run-detail", status: "queued", attempt: 0 });
    const names = nameSteps(["t", "s1", "w1"]);
    expect(run?.executor?.steps.map((s) => names.get(s.stepId)?.name)).toEqual([
      "journey:start",
      "node:s1",
    ]);
    expect(run?.executor?.waits).toEqual([
      expect.objectContaining({ kind: "sleep", stepId: sha1("node:w1"), expiresAt: at(3000) }),
    ]);

    expect(await findJourneyRun(b, id)).toBeNull();
  });
});

describe("cancel and retry", () => {
  it("cancels an active run: the entry ends as cancelled by an admin and its executor run stops", async () => {
    const id = await entry(a, journeyA, bob, 300);
    await executorRun("run-cancel", id);
    expect((await claimRuns("worker", at(300), 60_000, 10)).map((r) => r.id)).toContain(
      "run-cancel",
    );

    await expect(cancelJourneyRun(b, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await cancelJourneyRun(a, id)).toEqual({ status: "cancelled" });
    expect((await findJourneyRun(a, id))?.entry).toMatchObject({
      status: "cancelled",
      exitReason: "cancelled_by_admin",
      currentNodeId: null,
    });
    expect(await findRun("run-cancel")).toMatchObject({
      status: "cancelled",
      error: "cancelled_by_admin",
    });
    // The worker holding it writes nothing more, and a second cancel is refused.
    expect(await memoiseOwnedStep("run-cancel", "worker", "s", { data: 1 })).toBe(false);
    expect(await claimRuns("worker2", at(10_000), 60_000, 10)).toEqual([]);
    await expect(cancelJourneyRun(a, id)).rejects.toBeInstanceOf(ConflictError);
  });

  it("puts a failed run back in the queue with its attempts reset, keeping good steps and dropping the failed one", async () => {
    const id = await entry(a, journeyA, ada, 400);
    await executorRun("run-retry", id);
    expect((await claimRuns("worker", at(400), 60_000, 10)).map((r) => r.id)).toEqual([
      "run-retry",
    ]);
    await memoiseOwnedStep("run-retry", "worker", sha1("journey:start"), {
      data: { at: T0, exists: true },
    });
    await memoiseOwnedStep("run-retry", "worker", sha1("node:s1"), {
      error: { name: "Error", message: "provider down" },
    });
    await finishRun("run-retry", "worker", { status: "failed", error: "provider down" });

    await expect(retryJourneyRun(a, id, "inngest")).rejects.toThrow(/Inngest dashboard/);
    await expect(retryJourneyRun(b, id, "local")).rejects.toBeInstanceOf(NotFoundError);
    expect(await listJourneyRuns(a, { status: "failed" })).toMatchObject({
      rows: [{ id, executorStatus: "failed" }],
    });

    const now = at(500);
    expect(await retryJourneyRun(a, id, "local", now)).toEqual({
      status: "queued",
      executorRunId: "run-retry",
    });
    expect(await findRun("run-retry")).toMatchObject({
      status: "queued",
      attempt: 0,
      error: null,
      finishedAt: null,
      readyAt: now,
      seenSteps: -1,
    });
    expect((await loadSteps("run-retry")).map((s) => s.stepId)).toEqual([sha1("journey:start")]);
    expect((await findJourneyRun(a, id))?.entry.status).toBe("active");
    // Due again: the executor claims it.
    expect((await claimRuns("worker3", now, 60_000, 10)).map((r) => r.id)).toEqual(["run-retry"]);
    // It is no longer failed, so a second retry is refused.
    await expect(retryJourneyRun(a, id, "local")).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses to retry a run that did not fail", async () => {
    const id = await entry(a, journeyA, ada, 600, { status: "completed", currentNodeId: null });
    await expect(retryJourneyRun(a, id, "local")).rejects.toThrow(/completed/);
    const other = await entry(a, journeyA, bob, 601);
    await expect(retryJourneyRun(a, other, "local")).rejects.toThrow(/Only a failed run/);
  });
});
