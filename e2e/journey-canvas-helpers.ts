import { expect, type Page } from "@playwright/test";

export const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png` });

/** Drags a palette step onto the canvas at (x, y) inside it; returns the new node's id (it opens selected). */
export async function dropStep(page: Page, kind: string, x: number, y: number): Promise<string> {
  const before = await page.locator(".react-flow__node").count();
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(page.getByTestId("canvas"), { targetPosition: { x, y } });
  await expect(page.locator(".react-flow__node")).toHaveCount(before + 1);
  const form = page.getByTestId("node-form");
  await expect(form).toHaveAttribute("data-node-id", new RegExp(`^${kind}_`));
  return (await form.getAttribute("data-node-id"))!;
}

/** Drags from a node's output handle to another node's input handle, as a person would. */
export async function connect(page: Page, source: string, handle: string, target: string) {
  const from = page.locator(
    `.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${handle}"]`,
  );
  const to = page.locator(`.react-flow__handle.target[data-nodeid="${target}"]`);
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId(`rf__edge-e_${source}_${handle}_${target}`)).toHaveCount(1);
}

/** Opens a node's form by clicking its title. */
export async function selectNode(page: Page, id: string) {
  await page.getByTestId(`node-${id}`).locator("[data-testid=node-summary]").click();
  await expect(page.getByTestId("node-form")).toHaveAttribute("data-node-id", id);
}

/** Clicks "Tidy up layout" and waits until the view has finished moving to fit the new layout. */
export async function tidyUp(page: Page) {
  const canvas = page.getByTestId("canvas");
  const rested = async () => Number((await canvas.getAttribute("data-view-rested")) ?? 0);
  const before = await rested();
  await page.getByRole("button", { name: "Tidy up layout" }).click();
  await expect.poll(rested).toBeGreaterThan(before);
}
