/**
 * One app process for the SIGTERM tests (inngest/campaign-sigterm.integration.test.ts): the
 * campaign functions served by the real SDK over HTTP, the local executor draining them, and the
 * signal handlers the app installs, on the PostgreSQL database at DATABASE_URL. Run with tsx;
 * prints `ready <origin>` once it serves, and `draining` when a signal starts the drain.
 */
import { openDb, setDbHandle } from "@/db";
import { defineCampaignDrain } from "@/inngest/functions/campaign-drain";
import { defineCampaignRun } from "@/inngest/functions/campaign-run";
import { installSignalHandlers } from "@/lib/lifecycle/install-signal-handlers";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { handleEventRequest } from "@/lib/local-executor/handle-event-request";
import { createLocalExecutor } from "@/lib/local-executor/local-executor";
import {
  serveFunctions,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
} from "@/lib/local-executor/testing/serve-functions";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("campaign-worker: DATABASE_URL is required");
  setDbHandle(openDb({ databaseUrl, pgliteDir: "memory://" }));
  let send: (events: never) => Promise<unknown> = async () => undefined;
  const app = await serveFunctions(
    (client) => [defineCampaignRun(client, { sliceSize: 60 }), defineCampaignDrain(client)],
    (req) =>
      handleEventRequest(req, new URL(req.url).pathname.split("/").pop() ?? "", {
        eventKey: TEST_EVENT_KEY,
        send: (events) => send(events as never) as never,
      }),
  );
  const executor = createLocalExecutor({
    serveUrl: app.serveUrl,
    signingKey: TEST_SIGNING_KEY,
    idleMs: 20,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  send = executor.send as never;
  await executor.sync();
  // Registered first, so the test hears of the drain as soon as it starts.
  onShutdown("report", async () => void process.stdout.write("draining\n"));
  onShutdown("local executor", () => executor.stop());
  installSignalHandlers();
  executor.start();
  process.stdout.write(`ready ${app.origin}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
