/**
 * Times a 500,000-row CSV import on real PostgreSQL, beside a raw COPY of the same file into a
 * scratch table, in the same run on the same server.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/csv-import.ts [rows]
 *
 * Works in a fresh database it creates and drops (the test helper's), so it touches nothing else.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { from as copyFrom } from "pg-copy-streams";
import { makeTenant } from "@/db/testing/fixtures";
// Aliased: a name starting with "use" reads as a React hook to the linter.
import { useTestDb as freshDatabase } from "@/db/testing/test-db";
import { createImport } from "@/lib/imports/create-import";
import { findImportOrThrow } from "@/lib/imports/find-import-or-throw";
import { startImport } from "@/lib/imports/start-import";
import { CONTACT_HEADER, CONTACT_MAPPING, contactsCsv } from "@/lib/imports/testing/contacts-csv";
import { queryRows, runQueue } from "@/lib/imports/testing/run-queue";

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
const rate = (rows: number, ms: number) =>
  Math.round(rows / (ms / 1000))
    .toLocaleString("en-US")
    .padStart(9);

async function main() {
  // Real PostgreSQL: the given server, or the local one. The bench creates and drops its own database.
  process.env.DATABASE_URL ??=
    process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const rows = Number(process.argv[2] ?? 500_000);
  const { handle, close } = await freshDatabase();
  if (handle.kind !== "postgres") throw new Error("unreachable");
  try {
    const t = await makeTenant("Bench");
    // One bad row in a thousand, of every kind, so the error path is part of the timing.
    const kinds = ["email", "phone", "seats", "date", "userId"] as const;
    const bad = Object.fromEntries(
      Array.from({ length: Math.floor(rows / 1000) }, (_, k) => [
        2 + k * 1000 + (k % 997),
        kinds[k % kinds.length]!,
      ]),
    );
    const file = Buffer.from(contactsCsv(rows, bad, "bench"));
    console.info(
      `[bench] ${rows.toLocaleString("en-US")} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, ${Object.keys(bad).length} bad rows`,
    );

    let t0 = performance.now();
    const { import: imp } = await createImport(t.workspace.id, t.user.id, {
      name: "bench.csv",
      bytes: file,
    });
    const uploadMs = performance.now() - t0;

    await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING });
    // Phase boundaries, seen the way the UI sees them: by polling the import's row.
    const marks: Record<string, number> = {};
    let peakRss = 0;
    const watch = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      void findImportOrThrow(t.workspace.id, imp.id).then(
        (s) => (marks[s.status] ??= performance.now()),
        () => undefined,
      );
    }, 200);
    t0 = performance.now();
    await runQueue("bench");
    const jobMs = performance.now() - t0;
    clearInterval(watch);
    const done = await findImportOrThrow(t.workspace.id, imp.id);
    const validateMs = (marks.importing ?? t0) - t0;
    const ingestMs = jobMs - validateMs;

    const [counts] = await queryRows<{ contacts: number; events: number }>(sql`
      select (select count(*)::int from contacts where workspace_id = ${t.workspace.id}) as contacts,
             (select count(*)::int from events where workspace_id = ${t.workspace.id}) as events`);

    // The floor: the same bytes COPYed into a plain table of text columns, no checks, no indexes.
    const client = await handle.pool.connect();
    let copyMs: number;
    try {
      await client.query(
        `create table bench_copy (${CONTACT_HEADER.map((c) => `"${c}" text`).join(", ")})`,
      );
      t0 = performance.now();
      await pipeline(
        Readable.from([file]),
        client.query(copyFrom("copy bench_copy from stdin with (format csv, header true)")),
      );
      copyMs = performance.now() - t0;
    } finally {
      client.release();
    }

    console.info(
      `[bench] import ${done.status}: ${done.importedRows.toLocaleString("en-US")} imported, ${done.failedRows} failed; ${counts!.contacts.toLocaleString("en-US")} contacts, ${counts!.events.toLocaleString("en-US")} events stored`,
    );
    console.info("[bench] step                          seconds     rows/s");
    console.info(
      `[bench] upload (store 1 MB chunks)  ${seconds(uploadMs)}  ${rate(rows, uploadMs)}`,
    );
    console.info(
      `[bench] phase 1: check every row    ${seconds(validateMs)}  ${rate(rows, validateMs)}`,
    );
    console.info(
      `[bench] phase 2: ingest in batches  ${seconds(ingestMs)}  ${rate(rows, ingestMs)}`,
    );
    console.info(`[bench] whole job (both phases)     ${seconds(jobMs)}  ${rate(rows, jobMs)}`);
    console.info(`[bench] raw COPY, same rows         ${seconds(copyMs)}  ${rate(rows, copyMs)}`);
    console.info(`[bench] peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    await close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
