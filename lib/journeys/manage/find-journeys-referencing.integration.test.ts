import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { findJourneysReferencing } from "./find-journeys-referencing";
import { createJourney, saveJourneyDraft } from "./manage-journeys";
import { node } from "../testing/graph-fixtures";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const SEGMENT = "5a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a44";
const TEMPLATE = "6b2f3c4d-5e6f-4a71-9b8c-0d1e2f3a4b55";

describe("journeys referencing a segment or template", () => {
  it("finds real references in drafts and ignores ids that only appear in other data", async () => {
    const { workspace, user } = await makeTenant("References");
    const draft = async (name: string, nodes: ReturnType<typeof node>[]) => {
      const j = await createJourney(workspace.id, user.id, { name });
      await saveJourneyDraft(workspace.id, j.id, { graph: { nodes, edges: [] } });
      return j.id;
    };
    const bySegment = await draft("By segment", [
      node("m", "multi_branch", {
        cases: [{ id: "a", condition: { kind: "segment", segmentId: SEGMENT } }],
      }),
    ]);
    const sends = await draft("Sends", [
      node("s", "send", { channel: "email", templateId: TEMPLATE }),
    ]);
    await draft("Mentions only", [
      node("w", "webhook", {
        url: "http://127.0.0.1:9/h",
        body: `{"s":"${SEGMENT}","t":"${TEMPLATE}"}`,
      }),
    ]);
    const other = await makeTenant("References B");
    const elsewhere = await createJourney(other.workspace.id, other.user.id, { name: "Elsewhere" });
    await saveJourneyDraft(other.workspace.id, elsewhere.id, {
      graph: { nodes: [node("s", "send", { channel: "email", templateId: TEMPLATE })], edges: [] },
    });

    expect(await findJourneysReferencing(workspace.id, { segmentId: SEGMENT })).toEqual([
      { id: bySegment, name: "By segment", status: "draft" },
    ]);
    expect(await findJourneysReferencing(workspace.id, { templateId: TEMPLATE })).toEqual([
      { id: sends, name: "Sends", status: "draft" },
    ]);
    expect(await findJourneysReferencing(workspace.id, { segmentId: TEMPLATE })).toEqual([]);
  });
});
