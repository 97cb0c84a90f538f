import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { workerProcesses } from "@/lib/lifecycle/testing/worker-process";
import { createImport } from "./create-import";
import { findImportOrThrow } from "./find-import-or-throw";
import { startImport } from "./start-import";
import { CONTACT_MAPPING, contactsCsv } from "./testing/contacts-csv";
import { count, queryRows } from "./testing/run-queue";

/**
 * SIGKILL mid-import, with real processes: worker A imports a 10,000-row file and is killed
 * part-way (no clean-up of any kind). Once its lease has run out (the test ages it rather than
 * waiting 30 s), worker B resumes from the stored cursor: every good row becomes one contact and
 * one event, the bad rows are reported once, and nothing A had committed is written twice.
 */
let testDb: Awaited<ReturnType<typeof useTestDb>>;
const workers = workerProcesses();

beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(async () => {
  await workers.stopAll();
  await testDb?.close();
});

const startWorker = async () =>
  (
    await workers.start("lib/imports/testing/import-worker.ts", {
      env: { DATABASE_URL: testDb.url! },
    })
  ).child;

describeOnPostgres("SIGKILL mid-import (two worker processes)", () => {
  it("the next process resumes from the cursor once the lease runs out; nothing lost or doubled", async () => {
    const t = await makeTenant("Killed import");
    const ws = t.workspace.id;
    const total = 10_000;
    const csv = contactsCsv(total, { 150: "email", 8_765: "seats" });
    const { import: imp } = await createImport(ws, t.user.id, {
      name: "contacts.csv",
      bytes: Buffer.from(csv),
    });
    await startImport(ws, imp.id, { mapping: CONTACT_MAPPING });

    const a = await startWorker();
    await expect
      .poll(async () => (await findImportOrThrow(ws, imp.id)).importedRows > 0, {
        timeout: 60_000,
        interval: 20,
      })
      .toBe(true);
    await workers.kill(a);
    const atKill = await findImportOrThrow(ws, imp.id);
    expect(atKill.status).toBe("importing");
    expect(atKill.importedRows).toBeLessThan(total - 2);

    // A's lease (30 s, unless A was between two steps) runs out, as it would had B started half a
    // minute later.
    await queryRows(
      sql`update contact_imports set lease_expires_at = now() - interval '1 second' where id = ${imp.id}`,
    );
    await startWorker();
    await expect
      .poll(async () => (await findImportOrThrow(ws, imp.id)).status, {
        timeout: 90_000,
        interval: 100,
      })
      .toBe("completed");

    expect(await findImportOrThrow(ws, imp.id)).toMatchObject({
      totalRows: total,
      processedRows: total,
      importedRows: total - 2,
      failedRows: 2,
    });
    expect(await count(sql`select 1 from contacts where workspace_id = ${ws}`)).toBe(total - 2);
    expect(
      await count(
        sql`select distinct message_id from events where workspace_id = ${ws} and message_id like ${`import:${imp.id}:%`}`,
      ),
    ).toBe(total - 2);
    expect(
      await count(
        sql`select 1 from events where workspace_id = ${ws} and message_id like ${`import:${imp.id}:%`}`,
      ),
    ).toBe(total - 2);
    const errorRows = await queryRows<{ row_number: number }>(
      sql`select row_number from contact_import_errors where import_id = ${imp.id} order by row_number`,
    );
    expect(errorRows.map((r) => r.row_number)).toEqual([150, 8_765]);
  }, 180_000);
});
