import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { PRO, settledWithin, usesIt } from "./testing/race-fixtures";
import { removeSegment } from "./remove-segment";
import { createSegment } from "./save-segment";

// A delete and a save that starts using the segment, interleaved: another transaction holds the
// lock the one side takes, and the other side must wait for it and then decide on what it committed.
// On PostgreSQL (DATABASE_URL) the row locks do the waiting; on PGlite, one connection serialises.
const tenant = { ws: "", userId: "" };
let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  const t = await makeTenant("Race");
  tenant.ws = t.workspace.id;
  tenant.userId = t.user.id;
});
afterAll(() => close());

/** Runs `inside` in a transaction that stays open until `release()`; `done` settles after commit. */
function openTransaction(inside: (tx: Tx) => Promise<void>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let ready!: () => void;
  const started = new Promise<void>((r) => (ready = r));
  const done = db().transaction(async (tx) => {
    await inside(tx);
    ready();
    await gate;
  });
  return { started, release, done };
}

describe("deleting a segment while another starts using it", () => {
  it("waits for a save in progress that uses it, then refuses, naming that segment", async () => {
    const pro = await createSegment(tenant.ws, tenant.userId, {
      name: "Pro",
      description: "",
      type: "dynamic",
      definition: PRO,
    });
    // A save in progress, as createSegment does it: the referenced row share-locked, the new row written.
    const save = openTransaction(async (tx) => {
      await tx.execute(sql`select id from segments where id = ${pro.id} for share`);
      await tx.execute(
        sql`insert into segments (workspace_id, name, type, definition) values (${tenant.ws}, 'Pro users', 'dynamic', ${JSON.stringify(usesIt(pro.id))}::jsonb)`,
      );
    });
    await save.started;
    const removal = removeSegment(tenant.ws, "race", pro.id);
    removal.catch(() => undefined);
    expect(await settledWithin(removal, 300)).toBe(false);
    save.release();
    await save.done;
    await expect(removal).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('used by segment "Pro users"'),
    });
    expect(await executeRows(sql`select id from segments where id = ${pro.id}`)).toHaveLength(1);
  });

  it("makes a save that uses it wait for a delete in progress, then refuses it at the condition", async () => {
    const gone = await createSegment(tenant.ws, tenant.userId, {
      name: "Soon gone",
      description: "",
      type: "dynamic",
      definition: PRO,
    });
    // A delete in progress, as removeSegment does it: the row locked for update, checked, deleted.
    const del = openTransaction(async (tx) => {
      await tx.execute(sql`select id from segments where id = ${gone.id} for update`);
      await tx.execute(sql`delete from segments where id = ${gone.id}`);
    });
    await del.started;
    const save = createSegment(tenant.ws, tenant.userId, {
      name: "Uses the gone one",
      description: "",
      type: "dynamic",
      definition: usesIt(gone.id),
    });
    save.catch(() => undefined);
    expect(await settledWithin(save, 300)).toBe(false);
    del.release();
    await del.done;
    await expect(save).rejects.toMatchObject({
      status: 400,
      fields: { "definition.conditions.0.segmentId": "no such segment in this workspace" },
    });
  });
});
