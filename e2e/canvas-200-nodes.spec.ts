import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";
import { shot } from "./journey-canvas-helpers";

/**
 * A benchmark, not a gate: loads a 200-node journey and drags a node for two seconds, printing
 * load time and frames drawn. No timing assertions (the machine is shared), only that it works.
 */
function bigGraph(size = 200) {
  const nodes: {
    id: string;
    type: string;
    position: { x: number; y: number };
    data: Record<string, unknown>;
  }[] = [
    {
      id: "t",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { kind: "event", event: "Signed Up", filters: [] },
    },
  ];
  const edges: { id: string; source: string; sourceHandle: string | null; target: string }[] = [];
  let prev = "t";
  for (let i = 1; i < size; i++) {
    const id = `n${i}`;
    const kind =
      i % 4 === 0 ? "branch" : i % 4 === 1 ? "send" : i % 4 === 2 ? "wait" : "update_contact";
    const data =
      kind === "branch"
        ? {
            condition: {
              kind: "attribute",
              filter: { property: "plan", type: "string", op: "equals", value: "pro" },
            },
          }
        : kind === "send"
          ? { channel: "email", templateId: "" }
          : kind === "wait"
            ? { kind: "duration", amount: i, unit: "hours" }
            : { attribute: `step_${i}`, value: true };
    // A 10 × 20 grid, so the whole journey fits the view as a marketer would first see it.
    nodes.push({
      id,
      type: kind,
      position: { x: (i % 10) * 320, y: Math.floor(i / 10) * 170 },
      data,
    });
    edges.push({
      id: `e${i}`,
      source: prev,
      sourceHandle: prev.startsWith("n") && Number(prev.slice(1)) % 4 === 0 ? "yes" : null,
      target: id,
    });
    prev = id;
  }
  return { nodes, edges };
}

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1600, height: 1000 } });

test("a 200-node journey loads and drags smoothly (figures printed)", async ({ page }) => {
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Perf 200 nodes ${Date.now()}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { journey } = (await created.json()) as { journey: { id: string } };
  const patched = await page.request.patch(`/api/w/demo/journeys/${journey.id}`, {
    data: { graph: bigGraph() },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  const t0 = Date.now();
  await page.goto(`/w/demo/journeys/${journey.id}`);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.waitForFunction(
    () =>
      document.querySelectorAll(".react-flow__node").length > 0 &&
      !!document.querySelector(".react-flow__viewport"),
  );
  const loadMs = Date.now() - t0;
  const rendered = await page.locator(".react-flow__node").count();

  // Grab a node in the middle of the journey and drag it in circles for 2 s.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __count: boolean };
    w.__frames = 0;
    w.__count = false;
    const tick = () => {
      if (w.__count) w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const node = page.getByTestId("node-n105");
  const box = (await node.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.evaluate(() => ((window as unknown as { __count: boolean }).__count = true));
  const start = Date.now();
  let moves = 0;
  while (Date.now() - start < 2000) {
    const a = (moves / 10) % (2 * Math.PI);
    await page.mouse.move(cx + 120 * Math.cos(a), cy + 80 * Math.sin(a));
    moves++;
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __count: boolean };
    w.__count = false;
    return w.__frames;
  });
  const dragMs = Date.now() - start;
  await page.mouse.up();
  await page.screenshot(shot("journey-200-nodes"));

  console.info(
    `[canvas-perf] 200-node journey: load ${loadMs} ms, ${rendered} nodes in the DOM (off-screen ones skipped), drag ${dragMs} ms: ${frames} frames (${((frames * 1000) / dragMs).toFixed(1)} fps), ${moves} pointer moves`,
  );
  expect(frames).toBeGreaterThan(0);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
});
