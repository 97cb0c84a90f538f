import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { loadSendContact } from "@/db/queries/send-context";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { evaluateSegment } from "@/lib/segments/evaluate-segment";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import { segmentMembersQuery } from "@/lib/segments/segment-to-sql";
import { liquidEngine } from "@/lib/templates/liquid-engine";
import { buildRenderContext } from "@/lib/templates/render-context";
import { POST } from "./[call]/route";
import { callRoute } from "./v1-test-client";

let close: () => Promise<void>;
let t: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  t = await makeTenant("Groups");
});
afterAll(() => close());

const post = (call: string, body: unknown) => callRoute(POST, { call }, { body, key: t.key });
const contactId = async (userId: string) =>
  (
    await executeRows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${t.workspace.id} and external_id = ${userId}`,
    )
  )[0]!.id;
const members = async (def: TSegmentDefinition) =>
  (
    await executeRows<{ id: string }>(segmentMembersQuery(t.workspace.id, def, { now: new Date() }))
  ).map((r) => r.id);
const planIs = (op: string, value: string): TSegmentDefinition => ({
  kind: "group",
  match: "all",
  conditions: [{ kind: "account", key: "plan", type: "string", op, value }],
});

describe("Segment group calls", () => {
  it("creates accounts with traits, puts a contact in several, and merges later traits", async () => {
    expect(
      (await post("group", { userId: "g-1", groupId: "acme", traits: { plan: "pro", seats: 20 } }))
        .json,
    ).toEqual({ success: true, status: "accepted" });
    const batch = await post("batch", {
      batch: [
        { type: "group", userId: "g-1", groupId: "globex", traits: { plan: "enterprise" } },
        { type: "group", userId: "g-2", groupId: "acme", traits: { seats: null, region: "eu" } },
        { type: "group", anonymousId: "anon-g", groupId: "initech", traits: { plan: "free" } },
      ],
    });
    expect(batch.json).toMatchObject({ accepted: 3, rejected: 0 });
    const accounts = await executeRows<{ external_id: string; traits: unknown; n: number }>(
      sql`select a.external_id, a.traits, count(m.contact_id)::int as n from accounts a
          left join account_members m on m.account_id = a.id
          where a.workspace_id = ${t.workspace.id} group by a.id order by a.external_id`,
    );
    expect(accounts).toEqual([
      { external_id: "acme", traits: { plan: "pro", region: "eu" }, n: 2 },
      { external_id: "globex", traits: { plan: "enterprise" }, n: 1 },
      { external_id: "initech", traits: { plan: "free" }, n: 1 },
    ]);
    const events = await executeRows<{ name: string; properties: unknown }>(
      sql`select name, properties from events where workspace_id = ${t.workspace.id} and name = '$group' order by id limit 1`,
    );
    expect(events[0]).toEqual({
      name: "$group",
      properties: { groupId: "acme", plan: "pro", seats: 20 },
    });
  });

  it("answers a group call without groupId, or with a bad trait, with 400 naming the field", async () => {
    const missing = await post("group", { userId: "g-1", traits: {} });
    expect(missing.status).toBe(400);
    expect(missing.json!.error.fields).toHaveProperty("groupId");
    const bad = await post("group", { userId: "g-1", groupId: "x", traits: { "": 1 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json!.error.fields)[0]).toMatch(/^traits/);
  });

  it("lets segments use account traits: any account matches; negatives mean none does", async () => {
    const [g1, g2] = [await contactId("g-1"), await contactId("g-2")];
    expect((await members(planIs("equals", "enterprise"))).sort()).toEqual([g1]);
    expect((await members(planIs("equals", "pro"))).sort()).toEqual([g1, g2].sort());
    // g-1 is on pro (acme) and enterprise (globex): "not enterprise" means in no enterprise account.
    const notEnterprise = await members(planIs("not_equals", "enterprise"));
    expect(notEnterprise).not.toContain(g1);
    expect(notEnterprise).toContain(g2);
    // The reference evaluator agrees.
    const snapshot = {
      id: g1,
      externalId: "g-1",
      email: null,
      phone: null,
      country: null,
      city: null,
      timezone: null,
      locale: null,
      createdAt: new Date(),
      attributes: {},
      accounts: [{ traits: { plan: "pro" } }, { traits: { plan: "enterprise" } }],
      events: [],
      pushTokens: [],
      subscriptions: [],
    };
    expect(evaluateSegment(planIs("equals", "enterprise"), snapshot, new Date(), () => null)).toBe(
      true,
    );
    expect(
      evaluateSegment(planIs("not_equals", "enterprise"), snapshot, new Date(), () => null),
    ).toBe(false);
    expect(
      evaluateSegment(
        planIs("not_equals", "enterprise"),
        { ...snapshot, accounts: [] },
        new Date(),
        () => null,
      ),
    ).toBe(true);
  });

  it("gives templates the contact's latest account as account.plan, and all of them as accounts", async () => {
    const loaded = (await loadSendContact(t.workspace.id, await contactId("g-1")))!;
    const context = buildRenderContext({
      contact: loaded.contact,
      accounts: loaded.accounts,
      workspace: { name: "Groups" },
    });
    const out = await liquidEngine("text").parseAndRender(
      "{{ account.id }} on {{ account.plan }}; {{ accounts | map: 'id' | join: ',' }}",
      context,
    );
    expect(out).toBe("globex on enterprise; globex,acme");
  });
});
