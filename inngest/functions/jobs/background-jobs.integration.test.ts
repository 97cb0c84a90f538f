import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { createImport } from "@/lib/imports/create-import";
import { findImportOrThrow } from "@/lib/imports/find-import-or-throw";
import { startImport } from "@/lib/imports/start-import";
import { CONTACT_MAPPING, contactsCsv } from "@/lib/imports/testing/contacts-csv";
import { manualClock } from "@/lib/local-executor/clock";
import { handleEventRequest } from "@/lib/local-executor/handle-event-request";
import { createLocalExecutor, type TLocalExecutor } from "@/lib/local-executor/local-executor";
import {
  serveFunctions,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
} from "@/lib/local-executor/testing/serve-functions";
import { findEventImport } from "@/db/queries/pinpoint-event-imports";
import { createEventImport } from "@/lib/pinpoint/events/create-event-import";
import {
  CONTACT_IMPORT_QUEUED,
  EVENT_SCHEMAS,
  PINPOINT_EVENT_IMPORT_QUEUED,
} from "@/inngest/events";
import { BACKGROUND_JOBS } from ".";

// The app's background jobs served by the real SDK handler to two local executors on one database
// (two app processes): every cron tick runs each job once, whichever process sees it first.
const T0 = Date.parse("2026-05-04T08:00:00.200Z");
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let app: Awaited<ReturnType<typeof serveFunctions>>;
const clocks = [manualClock(T0), manualClock(T0)];
let executors: TLocalExecutor[] = [];

beforeAll(async () => {
  testDb = await useTestDb();
  app = await serveFunctions(
    (client) => BACKGROUND_JOBS.map((job) => job.define(client)),
    (req) =>
      handleEventRequest(req, new URL(req.url).pathname.split("/").pop() ?? "", {
        eventKey: TEST_EVENT_KEY,
        send: (events) => executors[0]!.send(events),
      }),
  );
  executors = clocks.map((clock) =>
    createLocalExecutor({
      serveUrl: app.serveUrl,
      signingKey: TEST_SIGNING_KEY,
      serveHandler: () => app.handler,
      clock,
      log: () => undefined,
    }),
  );
  for (const e of executors) await e.sync();
});
afterAll(async () => {
  await app.close();
  await testDb.close();
});

const advance = (ms: number) => clocks.forEach((c) => c.advance(ms));
const drainBoth = () => Promise.all(executors.flatMap((e) => [e.drain(), e.drain()]));
describe("the background job registry", () => {
  it("lists each job once, with triggers its function really has and payloads in the registry", async () => {
    const ids = BACKGROUND_JOBS.map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    const synced = await executors[0]!.sync();
    for (const job of BACKGROUND_JOBS) {
      const fn = synced.find((f) => f.id === `test-app-${job.id}`);
      expect(fn?.config.triggers, job.id).toEqual(job.triggers);
      for (const t of job.triggers)
        if ("event" in t) expect(Object.keys(EVENT_SCHEMAS), job.id).toContain(t.event);
    }
  });
});

describe("background jobs on two executors sharing one database", () => {
  it("runs each cron job once per tick, not once per process", async () => {
    // About a minute on the executors' clocks (which also move with real time): ticks of the
    // 30-second rollup cron and of the minute crons (WAYMARK_TRIGGER_SWEEP_SECONDS is 60 in tests).
    for (let i = 0; i < 4; i++) {
      advance(15_000);
      await drainBoth();
    }
    const runs = await executeRows<{ fn: string; n: number; ticks: number; done: number }>(
      sql`select function_id as fn, count(*)::int as n, count(distinct event->>'ts')::int as ticks,
            count(*) filter (where status = 'completed')::int as done
          from executor_runs where event->>'name' = 'inngest/scheduled.timer' group by function_id`,
    );
    const byFn = Object.fromEntries(runs.map((r) => [r.fn.replace(/^test-app-/, ""), r]));
    for (const id of [
      "rollup-refresh",
      "journey-trigger-sweeps",
      "stalled-entry-redelivery",
      "contact-import",
    ]) {
      expect(byFn[id]?.n, id).toBeGreaterThanOrEqual(1);
      expect(byFn[id]!.ticks, id).toBe(byFn[id]!.n);
      expect(byFn[id]!.done, id).toBe(byFn[id]!.n);
    }
    expect(byFn["rollup-refresh"]!.n).toBeGreaterThanOrEqual(2);
  });

  it("runs a started CSV import as soon as its event arrives", async () => {
    const t = await makeTenant("Jobs");
    const { import: imp } = await createImport(t.workspace.id, t.user.id, {
      name: "contacts.csv",
      bytes: Buffer.from(contactsCsv(25)),
    });
    await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING });
    await executors[1]!.send({
      name: CONTACT_IMPORT_QUEUED,
      id: `import-${imp.id}`,
      data: { workspaceId: t.workspace.id, importId: imp.id },
    });
    await drainBoth();
    expect(await findImportOrThrow(t.workspace.id, imp.id)).toMatchObject({
      status: "completed",
      importedRows: 25,
    });
  });

  it("runs an uploaded Pinpoint event-history file as soon as its event arrives", async () => {
    const t = await makeTenant("History job");
    const lines = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({
        event_type: "_email.open",
        event_timestamp: T0 - 86_400_000 - i,
        client: { client_id: `ep-${i % 3}` },
      }),
    );
    const imp = await createEventImport(t.workspace.id, null, {
      name: "events.ndjson",
      bytes: Buffer.from(lines.join("\n")),
    });
    await executors[0]!.send({
      name: PINPOINT_EVENT_IMPORT_QUEUED,
      id: `pinpoint-event-import-${imp.id}`,
      data: { workspaceId: t.workspace.id, importId: imp.id },
    });
    await drainBoth();
    expect(await findEventImport(t.workspace.id, imp.id)).toMatchObject({
      status: "completed",
      imported: 30,
    });
  });
});
