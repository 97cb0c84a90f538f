import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import type { TSegmentDefinition } from "./definition";
import { removeSegment } from "./remove-segment";
import { createSegment } from "./save-segment";

// A delete and a save that starts using the segment, interleaved: another transaction holds the
// lock the one side takes, and the other side must wait for it and then decide on what it committed.
// On PostgreSQL (DATABASE_URL) the row locks do the waiting; on PGlite, one connection serialises.
let close: () => Promise<void>;
let ws: string;
let userId: string;

beforeAll(async () => {
  ({ close } = await useTestDb());
  const t = await makeTenant("Race");
  ws = t.workspace.id;
  userId = t.user.id;
});
afterAll(() => close());

const all = (...conditions: unknown[]) => ({ kind: "group", match: "all", conditions }) as TSegmentDefinition;
const PRO = all({ kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" });
const usesIt = (id: string) => all({ kind: "segment", segmentId: id, in: true });

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

const settledWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("deleting a segment while another starts using it", () => {
  it("waits for a save in progress that uses it, then refuses, naming that segment", async () => {
    const pro = await createSegment(ws, userId, { name: "Pro", description: "", type: "dynamic", definition: PRO });
    // A save in progress, as createSegment does it: the referenced row share-locked, the new row written.
    const save = openTransaction(async (tx) => {
      await tx.execute(sql`select id from segments where id = ${pro.id} for share`);
      await tx.execute(sql`insert into segments (workspace_id, name, type, definition) values (${ws}, 'Pro users', 'dynamic', ${JSON.stringify(usesIt(pro.id))}::jsonb)`);
    });
    await save.started;
    const removal = removeSegment(ws, "race", pro.id);
    removal.catch(() => undefined);
    expect(await settledWithin(removal, 300)).toBe(false);
    save.release();
    await save.done;
    await expect(removal).rejects.toMatchObject({ status: 409, message: expect.stringContaining('used by segment "Pro users"') });
    expect(await executeRows(sql`select id from segments where id = ${pro.id}`)).toHaveLength(1);
  });

  it("makes a save that uses it wait for a delete in progress, then refuses it at the condition", async () => {
    const gone = await createSegment(ws, userId, { name: "Soon gone", description: "", type: "dynamic", definition: PRO });
    // A delete in progress, as removeSegment does it: the row locked for update, checked, deleted.
    const del = openTransaction(async (tx) => {
      await tx.execute(sql`select id from segments where id = ${gone.id} for update`);
      await tx.execute(sql`delete from segments where id = ${gone.id}`);
    });
    await del.started;
    const save = createSegment(ws, userId, { name: "Uses the gone one", description: "", type: "dynamic", definition: usesIt(gone.id) });
    save.catch(() => undefined);
    expect(await settledWithin(save, 300)).toBe(false);
    del.release();
    await del.done;
    await expect(save).rejects.toMatchObject({ status: 400, fields: { "definition.conditions.0.segmentId": "no such segment in this workspace" } });
  });
});
