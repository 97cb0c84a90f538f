import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { activeSuppressions } from "./suppressions";
import { ensureContactsByExternalId, findAliasContacts, upsertAliases } from "./ingest";
import { findSendContacts } from "./send-contacts";
import { suppressions } from "@/db/schema";

// Lists reach these statements as array parameters (`= any($1::text[])`, `unnest($1::text[])`),
// so the planner knows how many ids it gets; a list sent as JSON was guessed at 100 rows and read
// every contact of a small workspace. Array literals have their own quoting, so the values users
// choose (ids with quotes, commas, braces, backslashes, the word NULL) must come back unchanged,
// on PGlite and PostgreSQL alike.
const AWKWARD = [
  'quote"d',
  "comma,separated",
  "{braced}",
  "back\\slash",
  "NULL",
  "null",
  " spaced ",
  "ünïcødé 用户",
  "it's",
];

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

describe("lists passed as array parameters", () => {
  it("find and create contacts by awkward user ids, each exactly once", async () => {
    const t = await makeTenant("Array params");
    const ws = t.workspace.id;
    const created = await db().transaction((tx) => ensureContactsByExternalId(ws, AWKWARD, tx));
    expect([...created.keys()].sort()).toEqual([...AWKWARD].sort());
    // Asked again, the same contacts come back: found by the same ids, none created twice.
    const again = await db().transaction((tx) => ensureContactsByExternalId(ws, AWKWARD, tx));
    expect(Object.fromEntries(again)).toEqual(Object.fromEntries(created));

    const loaded = await findSendContacts(ws, { userIds: AWKWARD, emails: [], phones: [] });
    expect([...loaded.byUserId.keys()].sort()).toEqual([...AWKWARD].sort());
  });

  it("find aliases and suppressions by awkward values", async () => {
    const t = await makeTenant("Array params 2");
    const ws = t.workspace.id;
    const ids = await db().transaction((tx) => ensureContactsByExternalId(ws, ["owner"], tx));
    const owner = ids.get("owner")!;
    await db().transaction((tx) =>
      upsertAliases(
        ws,
        AWKWARD.map((anonymousId) => ({ anonymousId, contactId: owner })),
        tx,
      ),
    );
    const aliases = await db().transaction((tx) => findAliasContacts(ws, AWKWARD, tx));
    expect([...aliases.keys()].sort()).toEqual([...AWKWARD].sort());

    const addresses = ['o"brien@example.com', "a,b@example.com", "NULL"];
    await db()
      .insert(suppressions)
      .values(
        addresses.map((address) => ({
          workspaceId: ws,
          channel: "email" as const,
          address,
          reason: "bounce",
          source: "manual",
        })),
      );
    const found = await activeSuppressions(ws, "email", [...addresses, "other@example.com"]);
    expect([...found.keys()].sort()).toEqual([...addresses].sort());
  });
});
