import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";
import { AREA_PAGES, SETTINGS_PAGES } from "./pages";

// Screenshots of every page, kept as test artefacts so a reviewer can see what people see.
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

test("sign-in and sign-up pages", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.screenshot(shot("sign-in"));
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.screenshot(shot("sign-up"));
});

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1280, height: 800 } });

  test("every area and settings page", async ({ page }) => {
    for (const p of [...AREA_PAGES, ...SETTINGS_PAGES]) {
      await page.goto(`/w/demo/${p}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.screenshot(shot(`admin-${p.replace("/", "-")}`));
    }
    await page.goto("/w/demo/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    await page.getByLabel("Name").fill("Screenshot key");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByLabel("API key", { exact: true })).toBeVisible();
    await page.screenshot(shot("admin-api-key-created"));
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Switch workspace" }).click();
    await expect(page.getByRole("menuitem", { name: "New workspace" })).toBeVisible();
    await page.screenshot(shot("admin-workspace-switcher"));
  });
});

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1280, height: 800 } });

  test("read-only settings", async ({ page }) => {
    await page.goto("/w/demo/settings/members");
    await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
    await page.screenshot(shot("analyst-settings-members"));
  });
});
