import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { workerProcesses } from "@/lib/lifecycle/testing/worker-process";
import { waitUntil } from "@/lib/channels/testing/wait-until";
import { createDestination } from "./manage-destinations";
import { writeLifecycle } from "./testing/stream-fixtures";
import { startStreamReceiver, type TStreamReceiver } from "./testing/stream-receiver";

/**
 * The stream survives an app process killed with SIGKILL mid-batch, with real processes on
 * PostgreSQL: worker A (lib/stream/testing/stream-worker.ts) delivers to a signed loopback
 * receiver, which kills A while A waits for the answer to its third batch. Worker B starts, takes
 * the destination once A's lease has run out, and sends that batch again and the rest: every
 * event arrives, and the only duplicates are that batch's events, under the same ids.
 */
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let receiver: TStreamReceiver;
const workers = workerProcesses();
const LEASE_MS = 1_500;

beforeAll(async () => {
  testDb = await useTestDb();
  receiver = await startStreamReceiver();
});
afterAll(async () => {
  await workers.stopAll();
  await receiver?.close();
  await testDb?.close();
});

const startWorker = async () =>
  (
    await workers.start("lib/stream/testing/stream-worker.ts", {
      args: [String(LEASE_MS)],
      env: { DATABASE_URL: testDb.url! },
    })
  ).child;

describeOnPostgres("event stream across a SIGKILL", () => {
  it("loses nothing when the delivering process is killed mid-batch", async () => {
    const t = await makeTenant("Killed");
    const { destination, secret } = await createDestination(t.workspace.id, t.user.id, {
      name: "Warehouse",
      kind: "webhook",
      settings: { url: receiver.url, batchSize: 3 },
    });
    receiver.secret = secret;
    await writeLifecycle(t.workspace.id);
    await writeLifecycle(t.workspace.id, 1);
    const expected = (
      await executeRows<{ id: string }>(
        sql`select id from stream_events where workspace_id = ${t.workspace.id} order by txid, id`,
      )
    ).map((r) => `evt_${r.id}`);

    const a = await startWorker();
    const killed = new Promise<void>((resolve) => a.once("exit", () => resolve()));
    let third: string[] = [];
    // A's third batch: A dies before it hears the answer, so its cursor never moves past it.
    receiver.onBatch = async (events, n) => {
      if (n !== 3) return;
      third = events.map((e) => e.id as string);
      a.kill("SIGKILL");
      await killed;
    };
    await waitUntil(() => (third.length ? true : undefined), 60_000, "A never sent a third batch");
    await killed;
    expect(a.signalCode).toBe("SIGKILL");
    const [row] = await executeRows<{ cursor_id: string | number; lease_until: Date | null }>(
      sql`select cursor_id, lease_until from stream_destinations where id = ${destination.id}`,
    );
    // The cursor stands right before the batch A died with.
    const before = expected[expected.indexOf(third[0]!) - 1]!;
    expect(`evt_${row!.cursor_id}`).toBe(before);

    receiver.onBatch = () => undefined;
    await startWorker();
    const got = () => new Set(receiver.received.map((e) => e.id as string));
    await waitUntil(
      () => (got().size === expected.length ? true : undefined),
      60_000,
      "B did not finish",
    );
    expect([...got()].sort()).toEqual([...expected].sort());
    const counts = new Map<string, number>();
    for (const e of receiver.received)
      counts.set(e.id as string, (counts.get(e.id as string) ?? 0) + 1);
    // The third batch was received (then A died) and sent again by B; nothing else twice.
    expect([...counts].filter(([, n]) => n > 1).map(([id]) => id)).toEqual(third);
    expect(receiver.badSignatures).toBe(0);
  });
});
