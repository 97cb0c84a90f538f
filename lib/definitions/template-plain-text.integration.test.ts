import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { templateVersions } from "@/db/schema";
import { listDefinitionRows } from "@/db/queries/definitions";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { DEFINITIONS_FORMAT } from "./definitions-format";
import { exportDefinitions } from "./export-definitions";
import { importDefinitions } from "./import-definitions";

/** An email template's plain-text version travels in a definitions file and back, unchanged. */

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

/** What the version row stores, as every send path reads it. */
async function versionContent(workspaceId: string, templateId: string, version: number) {
  const [row] = await db()
    .select({ content: templateVersions.content })
    .from(templateVersions)
    .where(
      and(
        eq(templateVersions.workspaceId, workspaceId),
        eq(templateVersions.templateId, templateId),
        eq(templateVersions.version, version),
      ),
    );
  return row?.content;
}

const PLAIN = 'Hi {{ contact.firstName | default: "there" }},\nyour order shipped.';
const file = (plainText: string) => ({
  format: DEFINITIONS_FORMAT,
  schemaVersion: 1,
  templates: [
    {
      name: "Shipped",
      channel: "email",
      content: {
        channel: "email",
        subject: "Shipped",
        blocks: [{ id: "t", type: "text", text: "Your order **shipped**." }],
        plainText,
      },
    },
  ],
});

describe("definitions files: an email's plain-text version", () => {
  it("is imported with the template, exported again, and a change to it is a new version", async () => {
    const a = await makeTenant("Plain defs A");
    await importDefinitions(a.workspace.id, a.user.id, file(PLAIN), { dryRun: false });
    const template = (await listDefinitionRows(a.workspace.id)).templates[0]!;
    expect(await versionContent(a.workspace.id, template.id, 1)).toMatchObject({
      plainText: PLAIN,
    });

    const exported = await exportDefinitions(
      a.workspace.id,
      { kind: "template", id: template.id },
      { workspace: a.workspace.slug },
    );
    expect(exported.templates[0]!.content).toMatchObject({ plainText: PLAIN });

    // Into another workspace: the same content; imported again there, nothing changes.
    const b = await makeTenant("Plain defs B");
    const again = JSON.parse(JSON.stringify(exported)) as typeof exported;
    await importDefinitions(b.workspace.id, b.user.id, again, { dryRun: false });
    const back = await exportDefinitions(b.workspace.id, null, { workspace: b.workspace.slug });
    expect(back.templates[0]!.content).toEqual(exported.templates[0]!.content);
    const same = await importDefinitions(b.workspace.id, b.user.id, again, { dryRun: true });
    expect(same.entries.map((e) => e.action)).toEqual(["skip"]);

    // Only the plain text differs: that is a change, so the template gets version 2.
    const changed = await importDefinitions(a.workspace.id, a.user.id, file("Shipped!"), {
      dryRun: false,
    });
    expect(changed.entries.map((e) => e.action)).toEqual(["update"]);
    expect(await versionContent(a.workspace.id, template.id, 2)).toMatchObject({
      plainText: "Shipped!",
    });
  });
});
