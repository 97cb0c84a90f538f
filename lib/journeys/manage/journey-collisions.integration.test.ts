import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { contacts } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import { createSegment } from "@/lib/segments/save-segment";
import { edge, node } from "../testing/graph-fixtures";
import { journeyCollisions } from "./journey-collisions";
import { createJourney, publishJourney, saveJourneyDraft } from "./manage-journeys";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const attribute = (key: string, value: string) =>
  ({
    kind: "group",
    match: "all",
    conditions: [{ kind: "attribute", key, type: "string", op: "equals", value }],
  }) as TSegmentDefinition;
const entering = (segmentId: string) => ({
  nodes: [node("t", "trigger", { kind: "segment_entered", segmentId }), node("x", "exit")],
  edges: [edge("t", "x")],
});

describe("journeys starting on entering different segments", () => {
  it("collide when the segments share contacts now, with how many; not when they share none", async () => {
    const { workspace, user } = await makeTenant("Overlap");
    const ws = workspace.id;
    await db()
      .insert(contacts)
      .values([
        { workspaceId: ws, externalId: "u1", attributes: { plan: "pro", country: "VN" } },
        { workspaceId: ws, externalId: "u2", attributes: { plan: "pro", country: "VN" } },
        { workspaceId: ws, externalId: "u3", attributes: { plan: "pro", country: "DE" } },
        { workspaceId: ws, externalId: "u4", attributes: { plan: "free", country: "FR" } },
      ]);
    const segment = async (name: string, def: TSegmentDefinition) =>
      (
        await createSegment(ws, user.id, {
          name,
          description: "",
          type: "dynamic",
          definition: def,
        })
      ).id;
    const pro = await segment("Pro", attribute("plan", "pro"));
    const vietnam = await segment("Vietnam", attribute("country", "VN"));
    const france = await segment("France", attribute("country", "FR"));

    const running = await createJourney(ws, user.id, { name: "Pro onboarding" });
    await saveJourneyDraft(ws, running.id, { graph: entering(pro) });
    await publishJourney(ws, running.id, user.id, { enterNow: false });

    const draft = await createJourney(ws, user.id, { name: "Vietnam launch" });
    await saveJourneyDraft(ws, draft.id, { graph: entering(vietnam) });
    expect((await journeyCollisions(ws, draft.id)).collisions).toEqual([
      {
        id: running.id,
        name: "Pro onboarding",
        status: "live",
        reason: "also starts on entering a segment that shares 2 contacts with this one",
        because: { kind: "segment_overlap", shared: 2 },
      },
    ]);

    await saveJourneyDraft(ws, draft.id, { graph: entering(france) });
    expect((await journeyCollisions(ws, draft.id)).collisions).toEqual([]);
  });
});
