import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { lockSegmentReferences } from "@/db/queries/segments";
import type { TSegmentDefinition } from "./definition";
import { PRO, settledWithin, usesIt } from "./testing/race-fixtures";
import { createSegment, editSegment, withSaveRaces } from "./save-segment";

// Two segments edited at once to use each other. Each edit share-locks the segment it uses and
// then updates its own row, so without taking turns they deadlock (PostgreSQL aborts one: a 500),
// or, a moment apart, both pass the cycle check. On PostgreSQL (DATABASE_URL) the locks do the
// waiting; on PGlite, one connection serialises and the outcome must be the same.
const tenant = { ws: "", userId: "" };
let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  const t = await makeTenant("Reference race");
  tenant.ws = t.workspace.id;
  tenant.userId = t.user.id;
});
afterAll(() => close());

const CYCLE = {
  status: 400,
  fields: {
    "definition.conditions.0": "segments cannot include themselves, directly or through others",
  },
};

async function twoSegments(prefix: string) {
  const a = await createSegment(tenant.ws, tenant.userId, {
    name: `${prefix} A`,
    description: "",
    type: "dynamic",
    definition: PRO,
  });
  const b = await createSegment(tenant.ws, tenant.userId, {
    name: `${prefix} B`,
    description: "",
    type: "dynamic",
    definition: PRO,
  });
  return { a: a.id, b: b.id };
}

const definitionOf = async (id: string) =>
  (
    await executeRows<{ definition: TSegmentDefinition }>(
      sql`select definition from segments where id = ${id}`,
    )
  )[0]!.definition;

describe("two segments edited at once to use each other", () => {
  it("lets the first edit save and refuses the second as a cycle, never deadlocking", async () => {
    const { a, b } = await twoSegments("Crossing");
    // An edit of A to use B, as editSegment does it, paused after it share-locked B and before
    // it updates A: the moment at which the other edit used to take its share lock on A.
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    let ready!: () => void;
    const locked = new Promise<void>((r) => (ready = r));
    const first = db().transaction(async (tx: Tx) => {
      await lockSegmentReferences(tenant.ws, tx);
      await tx.execute(sql`select id from segments where id = ${b} for share`);
      ready();
      await paused;
      await tx.execute(
        sql`update segments set definition = ${JSON.stringify(usesIt(b))}::jsonb where id = ${a}`,
      );
    });
    await locked;
    const second = editSegment(tenant.ws, b, { definition: usesIt(a) });
    second.catch(() => undefined);
    expect(await settledWithin(second, 300)).toBe(false);
    resume();
    await first;
    await expect(second).rejects.toMatchObject(CYCLE);
    expect(await definitionOf(a)).toEqual(usesIt(b));
    expect(await definitionOf(b)).toEqual(PRO);
  });

  it("saves exactly one of two edits racing for real, and refuses the other as a cycle", async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b } = await twoSegments(`Round ${round}`);
      const [ab, ba] = await Promise.allSettled([
        editSegment(tenant.ws, a, { definition: usesIt(b) }),
        editSegment(tenant.ws, b, { definition: usesIt(a) }),
      ]);
      const outcomes = [ab, ba].map((o) => o.status);
      expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
      const refused = [ab, ba].find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject(CYCLE);
    }
  });

  it("refuses a cycle closed through a third segment that neither edit locks", async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b } = await twoSegments(`Through ${round}`);
      const c = (
        await createSegment(tenant.ws, tenant.userId, {
          name: `Through ${round} C`,
          description: "",
          type: "dynamic",
          definition: usesIt(b),
        })
      ).id;
      // C uses B; A is edited to use C while B is edited to use A: together A → C → B → A, and
      // each edit share-locks only the segment it names, never C's row or the other's target.
      const [ac, ba] = await Promise.allSettled([
        editSegment(tenant.ws, a, { definition: usesIt(c) }),
        editSegment(tenant.ws, b, { definition: usesIt(a) }),
      ]);
      expect([ac, ba].map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(
        ([ac, ba].find((o) => o.status === "rejected") as PromiseRejectedResult).reason,
      ).toMatchObject({ status: 400 });
    }
  });
});

describe("a save that loses a deadlock or serialization race", () => {
  it.each([
    ["40P01", "deadlock detected"],
    ["40001", "could not serialize access due to concurrent update"],
  ])("answers %s as a 409 to retry", async (code, message) => {
    // As drizzle reports a driver error: wrapped, the PostgreSQL code on the cause.
    const err = new Error("Failed query", { cause: Object.assign(new Error(message), { code }) });
    await expect(withSaveRaces("Any", () => Promise.reject(err))).rejects.toMatchObject({
      status: 409,
      message:
        "Another change to these segments was saved at the same moment. Reload them and save again.",
    });
  });
});
