/**
 * One app process for the stream's SIGKILL test (lib/stream/stream-sigkill.integration.test.ts):
 * the delivery pipeline in a loop on the PostgreSQL database at DATABASE_URL, as the
 * stream-delivery job runs it. Run with tsx; the argument is the lease in milliseconds. Prints
 * `ready` once its database is open; it never exits by itself (the test kills it).
 */
import { openDb, setDbHandle } from "@/db";
import { deliverDueStreams } from "@/lib/stream/deliver-stream";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("stream-worker: DATABASE_URL is required");
  setDbHandle(openDb({ databaseUrl, pgliteDir: "memory://" }));
  const leaseMs = Number(process.argv[2] ?? 60_000);
  const retry = { baseMs: 5, maxMs: 50, windowMs: 3_600_000 };
  process.stdout.write("ready\n");
  for (;;) {
    const report = await deliverDueStreams({ budgetMs: 2_000, leaseMs, retry });
    if (!report.destinations) await new Promise((r) => setTimeout(r, 20));
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
