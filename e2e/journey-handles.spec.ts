import { expect, test, type Page } from "@playwright/test";
import { screenshotAtBothWidths, sql, storageStateFor } from "./helpers";
import { connect, dropStep, selectNode } from "./journey-canvas-helpers";

/**
 * Issue 14, defect 1: outputs added to a node after it was drawn (a Multi-branch case, an A/B
 * variant) take a drag at once, and edges from the other outputs start at their own handles.
 */
test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1600, height: 1000 } });

/** Screen distance from where an edge's path starts to the centre-bottom of its source handle. */
async function edgeOffset(page: Page, source: string, handle: string, target: string) {
  return page.evaluate(
    ({ source, handle, target }) => {
      const path = document.querySelector<SVGPathElement>(
        `[data-testid="rf__edge-e_${source}_${handle}_${target}"] path.react-flow__edge-path`,
      );
      const h = document.querySelector(
        `.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${handle}"]`,
      );
      if (!path || !h) return null;
      const p = path.getPointAtLength(0).matrixTransform(path.getScreenCTM()!);
      const r = h.getBoundingClientRect();
      return Math.hypot(p.x - (r.left + r.width / 2), p.y - (r.top + r.height / 2));
    },
    { source, handle, target },
  );
}

async function expectAttached(page: Page, source: string, handle: string, target: string) {
  // The path starts on the handle's bottom edge: within the handle's size of its centre.
  await expect
    .poll(() => edgeOffset(page, source, handle, target), { message: `${source}.${handle}` })
    .toBeLessThan(10);
}

async function newJourney(page: Page, name: string) {
  await page.goto("/w/demo/journeys");
  await page.getByRole("button", { name: "New journey" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/journeys\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function savedEdges(page: Page, journeyId: string) {
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const [row] = await sql<{ edges: { source: string; sourceHandle: string; target: string }[] }>(
    page.request,
    "select draft_graph->'edges' as edges from journeys where id = $1",
    [journeyId],
  );
  return row!.edges.map((e) => `${e.source}.${e.sourceHandle}>${e.target}`).sort();
}

test("a Multi-branch case added after drawing connects at once, and the other edges follow their handles", async ({
  page,
}) => {
  const journeyId = await newJourney(page, `Cases e2e ${Date.now()}`);
  const panel = page.getByTestId("side-panel");
  const multi = await dropStep(page, "multi_branch", 300, 80);
  const first = await dropStep(page, "exit", 150, 800);
  const other = await dropStep(page, "exit", 420, 800);
  const added = await dropStep(page, "exit", 690, 800);
  await connect(page, multi, "case_1", first);
  await connect(page, multi, "else", other);
  await expectAttached(page, multi, "else", other);

  await selectNode(page, multi);
  await panel.getByRole("button", { name: "Add case" }).click();
  await expect(page.getByTestId(`node-${multi}`).getByTestId("handle-label-case_2")).toBeVisible();
  // No reload: the new output takes the drag, and "else" (now the third output) keeps its edge.
  await connect(page, multi, "case_2", added);
  await expect(page.getByTestId(`rf__edge-e_${multi}_case_2_${added}`)).toBeVisible();
  await expectAttached(page, multi, "case_1", first);
  await expectAttached(page, multi, "case_2", added);
  await expectAttached(page, multi, "else", other);
  expect(await savedEdges(page, journeyId)).toEqual(
    [`${multi}.case_1>${first}`, `${multi}.case_2>${added}`, `${multi}.else>${other}`].sort(),
  );
  await screenshotAtBothWidths(page, "journey-handles-case-added");

  // Removing the first case moves the rest left: their edges move with them.
  await panel.getByRole("button", { name: "Remove case 1" }).click();
  await expect(page.getByTestId(`rf__edge-e_${multi}_case_1_${first}`)).toHaveCount(0);
  await expectAttached(page, multi, "case_2", added);
  await expectAttached(page, multi, "else", other);
  expect(await savedEdges(page, journeyId)).toEqual(
    [`${multi}.case_2>${added}`, `${multi}.else>${other}`].sort(),
  );
});

test("an A/B variant added after drawing connects at once", async ({ page }) => {
  const journeyId = await newJourney(page, `Variants e2e ${Date.now()}`);
  const panel = page.getByTestId("side-panel");
  const split = await dropStep(page, "ab_split", 300, 80);
  const a = await dropStep(page, "exit", 150, 800);
  const c = await dropStep(page, "exit", 690, 800);
  await connect(page, split, "b", a);

  await selectNode(page, split);
  await panel.getByRole("button", { name: "Add variant" }).click();
  await connect(page, split, "c", c);
  await expectAttached(page, split, "b", a);
  await expectAttached(page, split, "c", c);
  expect(await savedEdges(page, journeyId)).toEqual([`${split}.b>${a}`, `${split}.c>${c}`].sort());
  await screenshotAtBothWidths(page, "journey-handles-variant-added");
});
