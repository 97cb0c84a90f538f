import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

const DEMO = "(select id from workspaces where slug = 'demo')";

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin") });
  test.afterEach(async ({ request }) => {
    await sql(request, `delete from workspace_retention where workspace_id = ${DEMO}`);
  });

  for (const width of [1440, 1280]) {
    test(`sets retention periods in Settings → Data, kept after a reload (${width} px)`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/w/demo/settings");
      await page
        .getByRole("navigation", { name: "Settings" })
        .getByRole("link", { name: "Data" })
        .click();
      await expect(page).toHaveURL(/\/w\/demo\/settings\/data$/);
      const bodies = page.getByLabel("Rendered message bodies (days)");
      const events = page.getByLabel("Raw contact events (days)");
      await expect(bodies).toHaveValue("30");
      await expect(page.getByLabel("Import files and error rows (days)")).toHaveValue("7");
      await expect(events).toHaveValue("");
      await page.screenshot({ path: `test-results/data-retention-${width}.png`, fullPage: true });

      await bodies.fill("90");
      await events.fill("365");
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
      const [row] = await sql<{ m: number; e: number }>(
        request,
        `select message_body_days as m, contact_event_days as e from workspace_retention where workspace_id = ${DEMO}`,
      );
      expect(row).toEqual({ m: 90, e: 365 });
      await page.reload();
      await expect(bodies).toHaveValue("90");
      await expect(events).toHaveValue("365");
    });
  }
});

test.describe("as a marketer", () => {
  test.use({ storageState: storageStateFor("marketer") });
  test("sees no Data tab, and the page answers 404", async ({ page }) => {
    await page.goto("/w/demo/settings");
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }),
    ).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Data" }),
    ).toHaveCount(0);
    const res = await page.goto("/w/demo/settings/data");
    expect(res?.status()).toBe(404);
  });
});
