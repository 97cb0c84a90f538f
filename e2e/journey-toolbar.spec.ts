import { expect, test, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";
import { shot } from "./journey-canvas-helpers";

/** Whether the element is drawn wholly inside the viewport and not cut off by its header. */
async function fullyVisible(page: Page, name: RegExp, role: "button" | "link" = "button") {
  const button = page.getByRole(role, { name });
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  const header = (await page.locator("header").filter({ has: button }).boundingBox())!;
  const width = page.viewportSize()!.width;
  return box.x >= header.x && box.x + box.width <= Math.min(header.x + header.width, width) + 0.5;
}

test.describe("the journey editor's toolbar", () => {
  test.use({ storageState: storageStateFor("marketer") });

  for (const width of [1280, 1440, 1600]) {
    test(`keeps every control, Publish changes included, on screen at ${width} px`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      // The demo's live welcome journey: it has a live version, Pause, Stop and "Publish changes".
      const [j] = await sql<{ id: string }>(
        request,
        "select j.id from journeys j join workspaces w on w.id = j.workspace_id and w.slug = 'demo' where j.status = 'live' order by j.created_at limit 1",
      );
      await page.goto(`/w/demo/journeys/${j!.id}`);
      await expect(page.getByTestId("canvas")).toBeVisible();
      expect(await fullyVisible(page, /^Publish changes$/)).toBe(true);
      for (const name of [/^Pause$/, /^Stop$/, /^Versions$/])
        expect(await fullyVisible(page, name), String(name)).toBe(true);
      expect(await fullyVisible(page, /Runs$/, "link")).toBe(true);
      await page.screenshot(shot(`journey-toolbar-${width}`));
    });
  }
});
