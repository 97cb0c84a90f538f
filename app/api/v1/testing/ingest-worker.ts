/**
 * One app process for the ingestion SIGKILL test (app/api/v1/ingest-sigkill.integration.test.ts):
 * serves the public ingestion routes (`/api/v1/{call}`) over HTTP on loopback, on the PostgreSQL
 * database at DATABASE_URL. Run with `node --import tsx`; prints `ready <base URL>`.
 */
import { openDb, setDbHandle } from "@/db";
import { setEventSink } from "@/inngest/emit-events";
import { POST } from "../[call]/route";
import { serveRoutes } from "./serve-routes";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("ingest-worker: DATABASE_URL is required");
  setDbHandle(openDb({ databaseUrl, pgliteDir: "memory://" }));
  // No executor here: ingestion's journey triggers have nowhere to go, which this test ignores.
  setEventSink(null);
  const served = await serveRoutes([
    { path: /^\/api\/v1\/(?<call>[a-z]+)$/, handlers: { POST: POST as never } },
  ]);
  process.stdout.write(`ready ${served.base}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
