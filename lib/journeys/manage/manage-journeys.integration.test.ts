import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { findJourney, listJourneys, listJourneyVersions } from "@/db/queries/journeys";
import { contacts, journeyEntries } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import {
  createJourney,
  publishJourney,
  restoreJourneyVersion,
  saveJourneyDraft,
} from "./manage-journeys";
import { edge, node } from "../testing/graph-fixtures";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const graphFor = (event: string) => ({
  nodes: [node("t", "trigger", { kind: "event", event, filters: [] }), node("x", "exit")],
  edges: [edge("t", "x")],
});

describe("renaming a journey", () => {
  it("answers a duplicate name with a 409 naming the field, and keeps the old name", async () => {
    const { workspace, user } = await makeTenant("Rename");
    await createJourney(workspace.id, user.id, { name: "Welcome" });
    const other = await createJourney(workspace.id, user.id, { name: "Winback" });
    const err = await saveJourneyDraft(workspace.id, other.id, { name: "Welcome" }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      status: 409,
      code: "conflict",
      fields: { name: 'A journey named "Welcome" already exists in this workspace' },
    });
    expect((await findJourney(workspace.id, other.id))?.name).toBe("Winback");
    expect((await saveJourneyDraft(workspace.id, other.id, { name: "Win back" })).name).toBe(
      "Win back",
    );
    // Another workspace may use the same name.
    const b = await makeTenant("Rename B");
    await expect(
      createJourney(b.workspace.id, b.user.id, { name: "Welcome" }),
    ).resolves.toMatchObject({ name: "Welcome" });
    await expect(createJourney(workspace.id, user.id, { name: "Welcome" })).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe("unpublished changes", () => {
  it("a layout-only change on a live journey leaves nothing to publish; a content change does", async () => {
    const { workspace, user } = await makeTenant("Layout");
    const ws = workspace.id;
    const journey = await createJourney(ws, user.id, { name: "Tidy" });
    const graph = graphFor("Signed Up");
    await saveJourneyDraft(ws, journey.id, { graph });
    const changes = async () =>
      (await listJourneys(ws)).find((j) => j.id === journey.id)?.hasDraftChanges;
    expect(await changes()).toBe(true);
    await publishJourney(ws, journey.id, user.id);
    expect(await changes()).toBe(false);
    // Tidied up: every node moved, edges listed in another order.
    const moved = {
      nodes: graph.nodes.map((n, i) => ({ ...n, position: { x: 500 + i, y: 40 * i } })).reverse(),
      edges: [...graph.edges].reverse(),
    };
    await saveJourneyDraft(ws, journey.id, { graph: moved });
    expect(await changes()).toBe(false);
    // Publishing it anyway makes no version: v1 stays live.
    await expect(publishJourney(ws, journey.id, user.id)).resolves.toEqual({
      version: 1,
      unchanged: true,
    });
    expect((await listJourneyVersions(ws, journey.id)).map((v) => v.version)).toEqual([1]);
    // A settings change alone is a change.
    await saveJourneyDraft(ws, journey.id, {
      settings: { entry: { mode: "once" }, frequencyCap: { maxPerDay: 2 } },
    });
    await expect(publishJourney(ws, journey.id, user.id)).resolves.toEqual({
      version: 2,
      unchanged: false,
    });
    await saveJourneyDraft(ws, journey.id, { graph: graphFor("Purchased") });
    expect(await changes()).toBe(true);
    await expect(publishJourney(ws, journey.id, user.id)).resolves.toMatchObject({ version: 3 });
  });
});

describe("versions", () => {
  it("lists each version with its publisher and entries, and restores an old graph and its settings into the draft only", async () => {
    const { workspace, user } = await makeTenant("Versions");
    const ws = workspace.id;
    const journey = await createJourney(ws, user.id, { name: "Versioned" });
    const v1Settings = { entry: { mode: "once" }, frequencyCap: { maxPerDay: 2 } };
    await saveJourneyDraft(ws, journey.id, { graph: graphFor("Signed Up"), settings: v1Settings });
    await publishJourney(ws, journey.id, user.id);
    await saveJourneyDraft(ws, journey.id, {
      graph: graphFor("Purchased"),
      settings: { entry: { mode: "once" } },
    });
    await publishJourney(ws, journey.id, user.id);
    const [c1, c2, c3] = await db()
      .insert(contacts)
      .values([
        { workspaceId: ws, externalId: "a" },
        { workspaceId: ws, externalId: "b" },
        { workspaceId: ws, externalId: "c" },
      ])
      .returning();
    await db()
      .insert(journeyEntries)
      .values([
        { workspaceId: ws, journeyId: journey.id, version: 1, contactId: c1!.id, triggerKey: "k1" },
        { workspaceId: ws, journeyId: journey.id, version: 1, contactId: c2!.id, triggerKey: "k2" },
        { workspaceId: ws, journeyId: journey.id, version: 2, contactId: c3!.id, triggerKey: "k3" },
      ]);

    const versions = await listJourneyVersions(ws, journey.id);
    expect(
      versions.map(({ version, entered, publishedBy }) => ({ version, entered, publishedBy })),
    ).toEqual([
      { version: 2, entered: 1, publishedBy: "Versions admin" },
      { version: 1, entered: 2, publishedBy: "Versions admin" },
    ]);

    await saveJourneyDraft(ws, journey.id, { graph: graphFor("Half drawn") });
    const restored = await restoreJourneyVersion(ws, journey.id, 1);
    expect(restored.graph).toEqual(graphFor("Signed Up"));
    const after = await findJourney(ws, journey.id);
    expect(after?.draftGraph).toEqual(graphFor("Signed Up"));
    // The version's settings come back with it (as published, defaults filled in).
    expect(restored.settings).toMatchObject(v1Settings);
    expect(after?.draftSettings).toEqual(restored.settings);
    // What runs is untouched until the next publish.
    expect(after).toMatchObject({ liveVersion: 2, status: "live" });
  });

  it("refuses a version the journey does not have, and another workspace's journey", async () => {
    const a = await makeTenant("Restore A");
    const b = await makeTenant("Restore B");
    const journey = await createJourney(a.workspace.id, a.user.id, { name: "Only draft" });
    await expect(restoreJourneyVersion(a.workspace.id, journey.id, 1)).rejects.toMatchObject({
      status: 404,
      message: "This journey has no version 1",
    });
    await saveJourneyDraft(a.workspace.id, journey.id, { graph: graphFor("Signed Up") });
    await publishJourney(a.workspace.id, journey.id, a.user.id);
    await expect(restoreJourneyVersion(b.workspace.id, journey.id, 1)).rejects.toMatchObject({
      status: 404,
    });
    expect(await listJourneyVersions(b.workspace.id, journey.id)).toEqual([]);
  });
});
