import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticMemberCounts } from "@/db/queries/segments";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { demoContactOperations } from "@/lib/demo/demo-contacts";
import { ingest } from "@/lib/ingest/ingest";
import { duplicateSegment, freezeSegment } from "./copy-segment";
import type { TSegmentDefinition } from "./definition";
import { importStaticSegment } from "./import-static-segment";
import { previewSegment } from "./preview-segment";
import { removeSegment } from "./remove-segment";
import { createSegment, editSegment } from "./save-segment";
import { findSegmentUsages } from "./segment-usages";

let close: () => Promise<void>;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
const NOW = new Date();

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = await makeTenant("Tenant A");
  b = await makeTenant("Tenant B");
  // Both tenants get the same demo shop, user ids included: nothing of B may leak into A's counts.
  await ingest(a.workspace.id, demoContactOperations(NOW));
  await ingest(b.workspace.id, demoContactOperations(NOW));
}, 60_000);
afterAll(() => close());

const rows = executeRows;
const all = (...conditions: unknown[]) =>
  ({ kind: "group", match: "all", conditions }) as TSegmentDefinition;
const CART_ABANDON = all({
  kind: "sequence",
  first: { name: "Added to Cart", filters: [] },
  then: { name: "Order Completed", filters: [] },
  withinHours: 3,
  mode: "not_followed_by",
});
const ws = () => a.workspace.id;

describe("segments", () => {
  it("counts cart abandoners as a hand-written query does, in this workspace only", async () => {
    const [expected] = await rows<{
      n: number;
    }>(sql`select count(distinct a.contact_id)::int as n from events a
      where a.workspace_id = ${ws()} and a.name = 'Added to Cart' and a.occurred_at <= now() - interval '3 hours'
      and not exists (select 1 from events b where b.workspace_id = a.workspace_id and b.contact_id = a.contact_id and b.name = 'Order Completed'
        and b.occurred_at between a.occurred_at and a.occurred_at + interval '3 hours')`);
    const preview = await previewSegment(ws(), CART_ABANDON, { now: NOW });
    expect(expected!.n).toBeGreaterThan(0);
    expect(preview.count).toBe(expected!.n);
    expect(preview.sample.length).toBe(Math.min(20, expected!.n));
    const everyone = await previewSegment(
      ws(),
      all({ kind: "profile", field: "userId", type: "string", op: "is_set" }),
    );
    const [own] = await rows<{ n: number }>(
      sql`select count(*)::int as n from contacts where workspace_id = ${ws()} and external_id is not null`,
    );
    expect(everyone.count).toBe(own!.n);
  });

  it("shows the attributes a definition filters on in the sample", async () => {
    const p = await previewSegment(
      ws(),
      all({ kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" }),
    );
    expect(p.attributeKeys).toEqual(["plan"]);
    expect(
      p.sample.every((c) => c.attributes.plan === "pro" && Object.keys(c.attributes).length === 1),
    ).toBe(true);
  });

  it("saves dynamic and static segments, refuses a taken name, and freezes members", async () => {
    const dyn = await createSegment(
      ws(),
      a.user.id,
      { name: "Cart abandoners", description: "", type: "dynamic", definition: CART_ABANDON },
      NOW,
    );
    await expect(
      createSegment(ws(), a.user.id, {
        name: "Cart abandoners",
        description: "",
        type: "dynamic",
        definition: CART_ABANDON,
      }),
    ).rejects.toMatchObject({
      status: 409,
      fields: { name: 'A segment named "Cart abandoners" already exists' },
    });
    // The same name in another workspace is fine.
    await createSegment(b.workspace.id, b.user.id, {
      name: "Cart abandoners",
      description: "",
      type: "dynamic",
      definition: CART_ABANDON,
    });
    const frozen = await freezeSegment(ws(), a.user.id, dyn.id, undefined, NOW);
    expect(frozen).toMatchObject({
      type: "static",
      name: `Cart abandoners (snapshot ${NOW.toISOString().slice(0, 10)})`,
    });
    const counts = await staticMemberCounts(ws());
    expect(counts.get(frozen.id)).toBe(
      (await previewSegment(ws(), CART_ABANDON, { now: NOW })).count,
    );
    const copy = await duplicateSegment(ws(), a.user.id, frozen.id);
    expect(copy.name).toBe(`${frozen.name} (copy)`);
    expect((await staticMemberCounts(ws())).get(copy.id)).toBe(counts.get(frozen.id));
    expect((await duplicateSegment(ws(), a.user.id, frozen.id)).name).toBe(
      `${frozen.name} (copy) 2`,
    );
  });

  it("uses other segments, dynamic inline and static by membership, and refuses cycles and foreign ids", async () => {
    const pro = await createSegment(ws(), a.user.id, {
      name: "Pro",
      description: "",
      type: "dynamic",
      definition: all({
        kind: "attribute",
        key: "plan",
        type: "string",
        op: "equals",
        value: "pro",
      }),
    });
    const proStatic = await createSegment(ws(), a.user.id, {
      name: "Pro frozen",
      description: "",
      type: "static",
      definition: pro.definition!,
    });
    const proCount = (await previewSegment(ws(), pro.definition!)).count;
    expect(
      (await previewSegment(ws(), all({ kind: "segment", segmentId: pro.id, in: true }))).count,
    ).toBe(proCount);
    expect(
      (await previewSegment(ws(), all({ kind: "segment", segmentId: proStatic.id, in: true })))
        .count,
    ).toBe(proCount);
    // "Not in" counts every contact of the workspace outside it, the anonymous visitor included.
    const [total] = await rows<{ n: number }>(
      sql`select count(*)::int as n from contacts where workspace_id = ${ws()}`,
    );
    expect(
      (await previewSegment(ws(), all({ kind: "segment", segmentId: proStatic.id, in: false })))
        .count,
    ).toBe(total!.n - proCount);

    const proInFrance = await createSegment(ws(), a.user.id, {
      name: "Pro in France",
      description: "",
      type: "dynamic",
      definition: all(
        { kind: "segment", segmentId: pro.id, in: true },
        { kind: "profile", field: "country", type: "string", op: "equals", value: "FR" },
      ),
    });
    await expect(
      editSegment(ws(), pro.id, {
        definition: all({
          kind: "group",
          match: "any",
          conditions: [{ kind: "segment", segmentId: proInFrance.id, in: true }],
        }),
      }),
    ).rejects.toMatchObject({
      status: 400,
      fields: {
        "definition.conditions.0.conditions.0":
          "segments cannot include themselves, directly or through others",
      },
    });
    const foreign = await createSegment(b.workspace.id, b.user.id, {
      name: "B only",
      description: "",
      type: "dynamic",
      definition: CART_ABANDON,
    });
    await expect(
      previewSegment(ws(), all({ kind: "segment", segmentId: foreign.id, in: true })),
    ).rejects.toMatchObject({
      fields: { "definition.conditions.0.segmentId": "no such segment in this workspace" },
    });

    expect(await findSegmentUsages(ws(), "a", pro.id)).toEqual([
      expect.objectContaining({ kind: "segment", name: "Pro in France", blocking: true }),
    ]);
    await expect(removeSegment(ws(), "a", pro.id)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('used by segment "Pro in France"'),
    });
    await removeSegment(ws(), "a", proInFrance.id);
    await removeSegment(ws(), "a", pro.id);
    await expect(
      editSegment(ws(), proStatic.id, { definition: CART_ABANDON }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await editSegment(ws(), proStatic.id, { name: "Pro (frozen)" })).name).toBe(
      "Pro (frozen)",
    );
  });

  it("imports a static segment from a CSV of user ids, reporting the unmatched", async () => {
    const csv =
      "email,userId\nx@example.com,demo-user-001\ny@example.com,demo-user-002\nz@example.com,nobody-here\n,demo-user-001\n";
    const r = await importStaticSegment(ws(), a.user.id, {
      name: "Imported",
      description: "",
      csv,
    });
    expect(r).toMatchObject({ matched: 2, unmatched: ["nobody-here"] });
    const members = await rows<{ workspace_id: string }>(
      sql`select c.workspace_id from segment_members sm join contacts c on c.id = sm.contact_id where sm.segment_id = ${r.segment.id}`,
    );
    expect(members.map((m) => m.workspace_id)).toEqual([ws(), ws()]);
    await expect(
      importStaticSegment(ws(), a.user.id, { name: "Empty", description: "", csv: "userId\n" }),
    ).rejects.toMatchObject({ fields: { csv: "The CSV has no user ids" } });
  });
});
