import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { insertApiKey } from "@/db/queries/api-keys";
import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/kinds";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { POST as CALL } from "./[call]/route";
import { DELETE, GET } from "./contacts/[userId]/route";
import { GET as INBOX } from "./inapp/messages/route";
import { POST as TOKEN } from "./inapp/token/route";
import { POST as ENTER } from "./journeys/[journeyId]/entries/route";
import { GET as ME } from "./me/route";
import { callRoute } from "./v1-test-client";

let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let publicKey: string;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Scopes");
  publicKey = await keyWith("public", []);
});
afterAll(() => close());

async function keyWith(kind: TApiKeyKind, scopes: TApiKeyScope[]) {
  const k = generateApiKey(kind);
  await insertApiKey({
    workspaceId: tenant.workspace.id,
    name: `${kind} ${scopes.join(",")}`,
    prefix: k.prefix,
    keyHash: k.hash,
    kind,
    scopes,
    createdBy: null,
  });
  return k.key;
}

const contactCount = async (userId: string) =>
  (
    await executeRows<{ n: number }>(
      sql`select count(*)::int as n from contacts where workspace_id = ${tenant.workspace.id} and external_id = ${userId}`,
    )
  )[0]!.n;
const eventCount = async (name: string) =>
  (
    await executeRows<{ n: number }>(
      sql`select count(*)::int as n from events where workspace_id = ${tenant.workspace.id} and name = ${name}`,
    )
  )[0]!.n;

describe("public write keys", () => {
  it("send identify, track, page, screen and batch calls, and may check themselves", async () => {
    const call = (c: string, body: unknown) =>
      callRoute(CALL, { call: c }, { body, key: publicKey });
    expect((await call("identify", { userId: "pub-1", traits: { plan: "free" } })).status).toBe(
      200,
    );
    expect((await call("track", { userId: "pub-1", event: "Clicked" })).status).toBe(200);
    expect((await call("page", { anonymousId: "anon-p", name: "Home" })).status).toBe(200);
    expect((await call("screen", { userId: "pub-1", name: "Home" })).status).toBe(200);
    const batch = await call("batch", {
      batch: [{ type: "track", userId: "pub-1", event: "Batched" }],
    });
    expect(batch).toMatchObject({ status: 200, json: { accepted: 1 } });
    const me = await callRoute(ME, {}, { method: "GET", key: publicKey });
    expect(me).toMatchObject({ status: 200, json: { workspace: { name: "Scopes" } } });
  });

  it("may alias an anonymous visitor to the user who signs in", async () => {
    await callRoute(
      CALL,
      { call: "track" },
      { body: { anonymousId: "anon-9", event: "Visited" }, key: publicKey },
    );
    const alias = await callRoute(
      CALL,
      { call: "alias" },
      { body: { previousId: "anon-9", userId: "pub-9" }, key: publicKey },
    );
    expect(alias.status).toBe(200);
    expect(await contactCount("pub-9")).toBe(1);
  });

  it("cannot fold one identified user into another, and a refused batch stores nothing", async () => {
    const secret = await keyWith("secret", ["ingest"]);
    await callRoute(CALL, { call: "identify" }, { body: { userId: "victim" }, key: secret });
    await callRoute(CALL, { call: "identify" }, { body: { userId: "attacker" }, key: secret });
    const alias = await callRoute(
      CALL,
      { call: "alias" },
      { body: { previousId: "victim", userId: "attacker" }, key: publicKey },
    );
    expect(alias).toMatchObject({ status: 403, json: { error: { code: "insufficient_scope" } } });
    const batch = await callRoute(
      CALL,
      { call: "batch" },
      {
        body: {
          batch: [
            { type: "track", userId: "attacker", event: "Before takeover" },
            { type: "alias", previousId: "victim", userId: "attacker" },
          ],
        },
        key: publicKey,
      },
    );
    expect(batch.status).toBe(403);
    expect(await eventCount("Before takeover")).toBe(0);
    expect(await contactCount("victim")).toBe(1);
    // An anonymous id already linked to the victim is theirs too.
    await callRoute(
      CALL,
      { call: "identify" },
      { body: { userId: "victim", anonymousId: "victim-device" }, key: secret },
    );
    const viaAnon = await callRoute(
      CALL,
      { call: "alias" },
      { body: { previousId: "victim-device", userId: "attacker" }, key: publicKey },
    );
    expect(viaAnon.status).toBe(403);
    // A secret key with the ingest scope may merge them (a server knows who is who).
    const merged = await callRoute(
      CALL,
      { call: "alias" },
      { body: { previousId: "victim", userId: "attacker" }, key: secret },
    );
    expect(merged.status).toBe(200);
    expect(await contactCount("victim")).toBe(0);
  });

  it("cannot read, delete, mint in-app tokens, enter journeys or open an inbox by userId", async () => {
    await callRoute(CALL, { call: "identify" }, { body: { userId: "kept" }, key: publicKey });
    const refused = [
      await callRoute(GET, { userId: "kept" }, { method: "GET", key: publicKey }),
      await callRoute(DELETE, { userId: "kept" }, { method: "DELETE", key: publicKey }),
      await callRoute(TOKEN, {}, { body: { userId: "kept" }, key: publicKey }),
      await callRoute(
        ENTER,
        { journeyId: randomUUID() },
        { body: { userId: "kept" }, key: publicKey },
      ),
      await callRoute(INBOX, {}, { method: "GET", key: publicKey, query: "?userId=kept" }),
    ];
    for (const r of refused)
      expect(r).toMatchObject({ status: 403, json: { error: { code: "insufficient_scope" } } });
    expect(await contactCount("kept")).toBe(1);
  });
});

describe("secret server keys", () => {
  it("do exactly what their scopes allow", async () => {
    await callRoute(CALL, { call: "identify" }, { body: { userId: "s-1" }, key: tenant.key });
    const reader = await keyWith("secret", ["contacts:read"]);
    expect((await callRoute(GET, { userId: "s-1" }, { method: "GET", key: reader })).status).toBe(
      200,
    );
    const del = await callRoute(DELETE, { userId: "s-1" }, { method: "DELETE", key: reader });
    expect(del).toMatchObject({ status: 403, json: { error: { scope: "contacts:delete" } } });
    const noIngest = await callRoute(
      CALL,
      { call: "track" },
      { body: { userId: "s-1", event: "x" }, key: reader },
    );
    expect(noIngest.status).toBe(403);
    expect((await callRoute(TOKEN, {}, { body: { userId: "s-1" }, key: reader })).status).toBe(403);
    expect(
      (await callRoute(INBOX, {}, { method: "GET", key: reader, query: "?userId=s-1" })).status,
    ).toBe(403);

    const inapp = await keyWith("secret", ["inapp"]);
    const inbox = await callRoute(INBOX, {}, { method: "GET", key: inapp, query: "?userId=s-1" });
    expect(inbox.status).toBe(200);
    const token = await callRoute(TOKEN, {}, { body: { userId: "s-1" }, key: inapp });
    expect(token.status).toBe(200);
    const byToken = await callRoute(INBOX, {}, { method: "GET", key: token.json!.token as string });
    expect(byToken.status).toBe(200);

    const eraser = await keyWith("secret", ["contacts:delete"]);
    expect(
      (await callRoute(DELETE, { userId: "s-1" }, { method: "DELETE", key: eraser })).status,
    ).toBe(204);
  });

  it("enter journeys only with journeys:enter", async () => {
    const noScope = await keyWith("secret", ["ingest"]);
    const body = { body: { userId: "s-2" } };
    const id = { journeyId: randomUUID() };
    expect((await callRoute(ENTER, id, { ...body, key: noScope })).status).toBe(403);
    const enter = await keyWith("secret", ["journeys:enter"]);
    // Past the scope check the route answers for the journey itself: none with this id.
    expect((await callRoute(ENTER, id, { ...body, key: enter })).status).toBe(404);
  });
});
