/**
 * One app process for the import SIGKILL test (lib/imports/import-sigkill.integration.test.ts):
 * runs imports as the contact-import job does (`runNextImport`, again and again) on the PostgreSQL
 * database at DATABASE_URL. Run with `node --import tsx`; prints `ready` once connected.
 */
import { openDb, setDbHandle } from "@/db";
import { runNextImport } from "@/lib/imports/run-next-import";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("import-worker: DATABASE_URL is required");
  setDbHandle(openDb({ databaseUrl, pgliteDir: "memory://" }));
  process.stdout.write("ready\n");
  for (;;) {
    if (!(await runNextImport())) await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
