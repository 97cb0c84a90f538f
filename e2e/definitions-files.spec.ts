import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { hydrated, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";

/**
 * Journeys as files: a marketer downloads a journey, uploads it back as a copy with the preview
 * of what it creates and what it leaves alone, and, after the journey changed, compares the file
 * with the live journey on the diff view (canvas and list).
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const run = Date.now().toString(36);
const journeyName = `Files welcome ${run}`;
const templateName = `Files SMS ${run}`;
const segmentName = `Files iOS ${run}`;

const node = (id: string, type: string, y: number, data: Record<string, unknown>) => ({
  id,
  type,
  position: { x: 0, y },
  data,
});
const definitions = (extraNode: boolean) => ({
  format: "waymark.definitions",
  schemaVersion: 1,
  templates: [
    { name: templateName, channel: "sms", content: { channel: "sms", body: "Hi there" } },
  ],
  segments: [
    {
      name: segmentName,
      type: "dynamic",
      definition: {
        kind: "group",
        match: "all",
        conditions: [{ kind: "device", platform: "ios" }],
      },
    },
  ],
  journeys: [
    {
      name: journeyName,
      graph: {
        nodes: [
          node("t", "trigger", 0, { kind: "segment_entered", segmentName }),
          node("s", "send", 140, { channel: "sms", templateName }),
          ...(extraNode
            ? [node("w", "wait", 280, { kind: "duration", amount: 2, unit: "days" })]
            : []),
          node("x", "exit", 420, {}),
        ],
        edges: [
          { id: "t-s", source: "t", sourceHandle: null, target: "s" },
          extraNode
            ? { id: "s-w", source: "s", sourceHandle: null, target: "w" }
            : { id: "s-x", source: "s", sourceHandle: null, target: "x" },
          ...(extraNode ? [{ id: "w-x", source: "w", sourceHandle: null, target: "x" }] : []),
        ],
      },
    },
  ],
});

let marketer: APIRequestContext;
test.beforeAll(async ({ playwright }) => {
  marketer = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("marketer"),
  });
});
test.afterAll(async () => marketer?.dispose());

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

test("a journey goes to a file, comes back as a copy, and is compared with the live journey", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const seeded = await marketer.post("/api/w/demo/definitions/import", {
    data: { dryRun: false, file: definitions(false) },
  });
  expect(seeded.status(), await seeded.text()).toBe(200);
  const journeyId = (
    (await seeded.json()) as { entries: { kind: string; id: string }[] }
  ).entries.find((e) => e.kind === "journey")!.id;

  // Download it from the journey's page: readable JSON, references by name, no ids.
  await page.goto(`/w/demo/journeys/${journeyId}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-definition").click(),
  ]);
  const text = await readFile((await download.path())!, "utf8");
  const file = JSON.parse(text) as ReturnType<typeof definitions>;
  expect(file).toMatchObject({ format: "waymark.definitions", schemaVersion: 1 });
  expect(file.journeys[0]!.name).toBe(journeyName);
  expect(text).toContain(`"templateName": "${templateName}"`);
  expect(text).not.toContain(journeyId);

  // Upload it back as a copy: the preview says what happens, then it is applied.
  file.journeys[0]!.name = `${journeyName} (copy)`;
  await page.goto("/w/demo/settings/definitions");
  await hydrated(page.getByTestId("definitions-file"));
  await page.getByTestId("definitions-file").setInputFiles({
    name: "welcome.waymark.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const preview = page.getByTestId("definitions-preview");
  await expect(preview).toContainText("Preview: 1 to create, 0 to update, 2 left as they are");
  await expect(
    preview.getByTestId("definitions-entry").filter({ hasText: "(copy)" }),
  ).toContainText("Create");
  await page.screenshot(shot("definitions-preview-1440"));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("definitions-preview-1280"));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId("definitions-apply").click();
  await expect(preview).toContainText("Imported: 1 created, 0 updated, 2 left as they were");

  // A bad file is refused with the path of the problem.
  await hydrated(page.getByTestId("definitions-file"));
  await page.getByTestId("definitions-file").setInputFiles({
    name: "bad.waymark.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...definitions(false), schemaVersion: 99 })),
  });
  await expect(page.getByTestId("definitions-problems")).toContainText("schemaVersion");

  // The journey changes (a wait step); the downloaded file is compared with it.
  const edited = await marketer.post("/api/w/demo/definitions/import", {
    data: { dryRun: false, file: definitions(true) },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  await page.goto(`/w/demo/journeys/${journeyId}`);
  await page.getByTestId("open-diff").click();
  await expect(page).toHaveURL(new RegExp(`/journeys/${journeyId}/diff`));
  await expect(page.getByTestId("diff-empty")).toBeVisible();
  await hydrated(page.getByTestId("diff-file"));
  await page.getByTestId("diff-file").setInputFiles({
    name: "welcome.waymark.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId("diff-counts")).toHaveText("0 added · 1 removed · 0 changed");
  await expect(page.getByTestId("diff-node-w")).toContainText("Removed");
  await expect(page.locator(".react-flow__node.diff-removed")).toHaveCount(1);
  await expect(page.getByTestId("diff-edge")).toHaveCount(3);
  await page.screenshot(shot("journey-diff-1440"));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("journey-diff-1280"));
});

test("an analyst exports definitions but cannot import them", async ({ playwright }) => {
  const analyst = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("analyst"),
  });
  try {
    const exported = await analyst.get("/api/w/demo/definitions");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toMatch(
      /attachment; filename=".+\.waymark\.json"/,
    );
    const file = (await exported.json()) as { schemaVersion: number; journeys: unknown[] };
    expect(file.schemaVersion).toBe(1);
    expect(file.journeys.length).toBeGreaterThan(0);
    const refused = await analyst.post("/api/w/demo/definitions/import", {
      data: { dryRun: true, file },
    });
    expect(refused.status()).toBe(403);
  } finally {
    await analyst.dispose();
  }
});
