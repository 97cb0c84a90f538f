import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { describeOnPostgres } from "@/db/testing/postgres-only";
import { useTestDb } from "@/db/testing/test-db";
import { databaseFailure } from "@/db/unavailable";
import { POST } from "./[call]/route";
import { callRoute } from "./v1-test-client";

/**
 * A database that takes no writes (a standby promoted late, `default_transaction_read_only`, or a
 * full disk) must answer 503 with a sentence that says so, not a 500; when it takes writes again
 * the same call succeeds.
 */
let direct: DbHandle;
let readOnly: DbHandle;
let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;

it("reads a full disk as the database refusing writes", () => {
  expect(
    databaseFailure(Object.assign(new Error("could not extend file"), { code: "53100" })),
  ).toBe("read_only");
});

describeOnPostgres("ingestion into a read-only database", () => {
  beforeAll(async () => {
    ({ handle: direct, close } = await useTestDb());
    tenant = await makeTenant("Read only");
    const url = new URL((direct as { url: string }).url);
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    readOnly = openDb({ databaseUrl: url.toString(), pgliteDir: "memory://" });
  });
  afterAll(async () => {
    setDbHandle(direct);
    await readOnly?.close();
    await close?.();
  });

  const ingest = () =>
    callRoute(
      POST,
      { call: "track" },
      { key: tenant.key, body: { userId: "u-1", event: "Read only", messageId: "ro-1" } },
    );
  const stored = async () =>
    (
      await executeRows<{ n: number }>(
        sql`select count(*)::int as n from events where workspace_id = ${tenant.workspace.id}`,
        direct.db,
      )
    )[0]!.n;

  it("answers 503 database_read_only, stores nothing, and accepts the retry once writable", async () => {
    setDbHandle(readOnly);
    const refused = await ingest();
    expect(refused.status).toBe(503);
    expect(refused.json?.error).toMatchObject({
      code: "database_read_only",
      message: expect.stringContaining("nothing was saved"),
    });
    expect(await stored()).toBe(0);

    setDbHandle(direct);
    const accepted = await ingest();
    expect(accepted.status).toBe(200);
    expect(await stored()).toBe(1);
  });
});
