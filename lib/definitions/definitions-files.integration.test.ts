import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDefinitionRows } from "@/db/queries/definitions";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { ValidationError } from "@/lib/errors";
import { exportDefinitions } from "./export-definitions";
import { importDefinitions } from "./import-definitions";
import { sampleDefinitions } from "./testing/sample-definitions";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const counts = async (workspaceId: string) => {
  const r = await listDefinitionRows(workspaceId);
  return [r.templates.length, r.segments.length, r.journeys.length, r.campaigns.length];
};
const fieldsOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fields ?? {};
};
const withoutMeta = <T extends { exportedAt?: string; source?: unknown }>(f: T) => ({
  ...f,
  exportedAt: undefined,
  source: undefined,
});

describe("definitions files", () => {
  it("previews, imports, and re-imports a file by name, with ids of the target workspace", async () => {
    const { workspace, user } = await makeTenant("Defs A");
    const preview = await importDefinitions(workspace.id, user.id, sampleDefinitions(), {
      dryRun: true,
    });
    expect(preview.entries.map((e) => [e.kind, e.name, e.action])).toEqual([
      ["template", "Welcome SMS", "create"],
      ["segment", "iPhone users", "create"],
      ["segment", "iPhone VIPs", "create"],
      ["journey", "Welcome", "create"],
      ["campaign", "Spring hello", "create"],
    ]);
    expect(await counts(workspace.id)).toEqual([0, 0, 0, 0]);

    const done = await importDefinitions(workspace.id, user.id, sampleDefinitions(), {
      dryRun: false,
    });
    const rows = await listDefinitionRows(workspace.id);
    const template = rows.templates[0]!;
    const vips = rows.segments.find((s) => s.name === "iPhone VIPs")!;
    const users = rows.segments.find((s) => s.name === "iPhone users")!;
    expect(template.publishedVersion).toBe(1);
    expect(vips.definition).toMatchObject({
      conditions: [{ kind: "segment", segmentId: users.id }],
    });
    const graph = rows.journeys[0]!.draftGraph as { nodes: { data: Record<string, unknown> }[] };
    expect(graph.nodes[0]!.data).toEqual({ kind: "segment_entered", segmentId: vips.id });
    expect(graph.nodes[1]!.data).toEqual({ channel: "sms", templateId: template.id });
    expect(rows.campaigns[0]).toMatchObject({
      state: "draft",
      segmentId: users.id,
      templateId: template.id,
      templateVersion: 1,
    });
    expect(done.entries.find((e) => e.kind === "journey")?.graph).toEqual(
      rows.journeys[0]!.draftGraph,
    );

    const again = await importDefinitions(workspace.id, user.id, sampleDefinitions(), {
      dryRun: false,
    });
    expect(again.entries.filter((e) => e.kind !== "campaign").map((e) => e.action)).toEqual([
      "skip",
      "skip",
      "skip",
      "skip",
    ]);
    expect(await counts(workspace.id)).toEqual([1, 2, 1, 1]);
  });

  it("exports a journey with what it needs and imports it into another workspace unchanged", async () => {
    const a = await makeTenant("Defs export A");
    await importDefinitions(a.workspace.id, a.user.id, sampleDefinitions(), { dryRun: false });
    const journey = (await listDefinitionRows(a.workspace.id)).journeys[0]!;
    const file = await exportDefinitions(
      a.workspace.id,
      { kind: "journey", id: journey.id },
      { workspace: a.workspace.slug },
    );
    expect(file.templates.map((t) => t.name)).toEqual(["Welcome SMS"]);
    expect(file.segments.map((s) => s.name).sort()).toEqual(["iPhone VIPs", "iPhone users"]);
    expect(file.campaigns).toEqual([]);
    expect(JSON.stringify(file)).not.toContain(journey.id);

    const b = await makeTenant("Defs export B");
    const imported = await importDefinitions(
      b.workspace.id,
      b.user.id,
      JSON.parse(JSON.stringify(file)),
      {
        dryRun: false,
      },
    );
    expect(imported.entries.every((e) => e.action === "create")).toBe(true);
    const back = await exportDefinitions(b.workspace.id, null, { workspace: b.workspace.slug });
    const whole = await exportDefinitions(a.workspace.id, null, { workspace: a.workspace.slug });
    expect(withoutMeta(back)).toEqual(withoutMeta({ ...whole, campaigns: [] }));
  });

  it("updates what changed: a journey's draft, a template's version", async () => {
    const { workspace, user } = await makeTenant("Defs update");
    await importDefinitions(workspace.id, user.id, sampleDefinitions(), { dryRun: false });
    const changed = sampleDefinitions();
    changed.templates[0]!.content.body = "Hello";
    changed.journeys[0]!.graph.nodes[2]!.position = { x: 10, y: 300 };
    const r = await importDefinitions(workspace.id, user.id, changed, { dryRun: false });
    expect(r.entries.filter((e) => e.action === "update").map((e) => e.name)).toEqual([
      "Welcome SMS",
      "Welcome",
      "Spring hello",
    ]);
    const rows = await listDefinitionRows(workspace.id);
    expect(rows.templates[0]).toMatchObject({ publishedVersion: 2, draft: { body: "Hello" } });
    expect(rows.campaigns[0]!.templateVersion).toBe(2);
  });

  it("refuses a bad file with the paths of its problems and writes nothing", async () => {
    const { workspace, user } = await makeTenant("Defs bad");
    const missing = sampleDefinitions();
    missing.templates = [];
    expect(
      await fieldsOf(importDefinitions(workspace.id, user.id, missing, { dryRun: false })),
    ).toMatchObject({
      "journeys[0].graph.nodes[1].data.templateName":
        'no template named "Welcome SMS" in the file or this workspace',
      "campaigns[0].settings.treatments[0].templateName": expect.any(String),
    });
    const badContent = sampleDefinitions();
    badContent.templates[0]!.content.body = "";
    expect(
      Object.keys(
        await fieldsOf(importDefinitions(workspace.id, user.id, badContent, { dryRun: true })),
      ),
    ).toContain("templates[0].content.body");
    expect(
      await fieldsOf(
        importDefinitions(
          workspace.id,
          user.id,
          { ...sampleDefinitions(), schemaVersion: 7 },
          { dryRun: true },
        ),
      ),
    ).toHaveProperty("schemaVersion");
    expect(
      await fieldsOf(
        importDefinitions(
          workspace.id,
          user.id,
          { ...sampleDefinitions(), journeys: [{ name: "" }] },
          { dryRun: true },
        ),
      ),
    ).toHaveProperty(["journeys[0].name"]);
    expect(await counts(workspace.id)).toEqual([0, 0, 0, 0]);
  });
});
