import { expect, test, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * Issue #14, "also finish": email blocks reorder by drag and drop, with the mouse and with the
 * keyboard (focus a block's grip, Space picks it up, arrows move it, Space drops, Escape cancels).
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png` });

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

const order = (page: Page) =>
  page
    .getByRole("list", { name: "Blocks" })
    .locator("li")
    .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-testid")));

test("email blocks move by keyboard and by dragging, and the draft keeps the order", async ({
  page,
}) => {
  const created = await page.request.post("/api/w/demo/templates", {
    data: { name: `Reorder ${Date.now()} (e2e)`, channel: "email" },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).template.id as string;
  await page.goto(`/w/demo/templates/${id}`);
  await expect.poll(() => order(page)).toEqual(["block-heading", "block-text", "block-footer"]);

  // Keyboard: the heading goes down one, announced at each step.
  const grip = page.getByRole("button", { name: "Drag Heading 1" });
  await grip.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("block-drag-status")).toContainText("Heading 1 picked up");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => order(page)).toEqual(["block-text", "block-heading", "block-footer"]);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("block-drag-status")).toHaveText("Heading 2 dropped.");

  // Escape puts a picked-up block back where it was.
  await page.getByRole("button", { name: "Drag Footer 3" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => order(page)).toEqual(["block-footer", "block-text", "block-heading"]);
  await page.keyboard.press("Escape");
  await expect.poll(() => order(page)).toEqual(["block-text", "block-heading", "block-footer"]);
  await page.screenshot(shot("template-blocks-reorder-1440"));

  // Mouse: the footer dragged onto the first row takes its place.
  await page
    .getByTestId("block-footer")
    .dragTo(page.getByTestId("block-text"), { targetPosition: { x: 40, y: 5 } });
  await expect.poll(() => order(page)).toEqual(["block-footer", "block-text", "block-heading"]);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("template-blocks-reorder-1280"));
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect
    .poll(async () => {
      const [row] = await sql<{ types: string[] }>(
        page.request,
        "select array(select b->>'type' from jsonb_array_elements(draft->'blocks') b) as types from templates where id = $1",
        [id],
      );
      return row!.types;
    })
    .toEqual(["footer", "text", "heading"]);
});
