import { expect, test } from "@playwright/test";
import { journeyGridGraph, middleNodeId } from "../bench/lib/journey-grid-graph";
import { storageStateFor } from "./helpers";
import { shot } from "./journey-canvas-helpers";

// What a marketer notices on a big journey: it opens, and a node can be dragged and stays where it
// was put. How smoothly it drags is measured by `npm run bench:canvas` (docs/benchmarks.md).
const SIZE = 200;
const NODE = middleNodeId(SIZE);
const DRAG = { x: 150, y: 90 };

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1600, height: 1000 } });

test("a 200-node journey opens, and a node dragged on it moves on screen and in the saved draft", async ({
  page,
}) => {
  const graph = journeyGridGraph(SIZE);
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Canvas ${SIZE} nodes ${Date.now()}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { journey } = (await created.json()) as { journey: { id: string } };
  const patched = await page.request.patch(`/api/w/demo/journeys/${journey.id}`, {
    data: { graph },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  await page.goto(`/w/demo/journeys/${journey.id}`);
  // The whole journey fits the first view: its first and last steps are both drawn.
  await expect(page.getByTestId("node-t")).toBeVisible();
  await expect(page.getByTestId(`node-n${SIZE - 1}`)).toBeVisible();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");

  const node = page.getByTestId(`node-${NODE}`);
  const before = (await node.boundingBox())!;
  const zoom = await page
    .locator(".react-flow__viewport")
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const cx = before.x + before.width / 2;
  const cy = before.y + before.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // React Flow starts a drag once the pointer has moved past its threshold, and the node follows
  // from there: a first small move picks the node up, then the drag proper.
  await page.mouse.move(cx + 4, cy);
  await page.mouse.move(cx + 4 + DRAG.x, cy + DRAG.y, { steps: 12 });
  await page.mouse.up();

  // On screen: the node followed the pointer.
  await expect
    .poll(async () => {
      const after = (await node.boundingBox())!;
      return { x: Math.round(after.x - before.x), y: Math.round(after.y - before.y) };
    })
    .toEqual(DRAG);
  await page.screenshot(shot("journey-200-nodes"));

  // In the draft: autosave stored the new position (the drag in screen pixels over the zoom).
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const original = graph.nodes.find((n) => n.id === NODE)!.position;
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/w/demo/journeys/${journey.id}`);
      const body = (await res.json()) as {
        journey: { draftGraph: { nodes: { id: string; position: { x: number; y: number } }[] } };
      };
      const saved = body.journey.draftGraph.nodes.find((n) => n.id === NODE)!.position;
      return {
        x: Math.round((saved.x - original.x) * zoom),
        y: Math.round((saved.y - original.y) * zoom),
      };
    })
    .toEqual(DRAG);

  const removed = await page.request.delete(`/api/w/demo/journeys/${journey.id}`);
  expect(removed.status()).toBe(200);
});
