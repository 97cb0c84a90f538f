import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/** Issue #14, "also finish": admins bring the dashboards' rollups up to date on demand. */
const refreshedAt = async (request: import("@playwright/test").APIRequestContext) =>
  (
    await sql<{ at: string | null }>(
      request,
      "select max(refreshed_at)::text as at from analytics_refresh_state",
    )
  )[0]!.at;

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1280, height: 800 } });

  test("Refresh now folds the raw events into the rollups", async ({ page }) => {
    await page.goto("/w/demo/dashboards");
    const [{ now }] = (await sql<{ now: string }>(page.request, "select now()::text as now")) as [
      { now: string },
    ];
    const button = page.getByRole("button", { name: "Refresh now" });
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/w/demo/analytics/refresh"));
    await button.click();
    const res = await answered;
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { refreshedAt: string };
    // Refreshed by this click (at or after it), and the page re-rendered with the button back.
    expect(Date.parse(body.refreshedAt)).toBeGreaterThanOrEqual(Date.parse(now) - 1000);
    expect(Date.parse((await refreshedAt(page.request))!)).toBeGreaterThanOrEqual(
      Date.parse(now) - 1000,
    );
    await expect(button).toBeEnabled();
    await expect(page.getByTestId("refreshed-at")).toContainText("Figures updated");
    await page.screenshot({ path: "e2e/.artifacts/screenshots/dashboard-refresh-1280.png" });
  });
});

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst") });

  test("sees when figures were updated but no refresh button", async ({ page }) => {
    await page.goto("/w/demo/dashboards");
    await expect(page.getByTestId("refreshed-at")).toBeVisible();
    await expect(page.getByRole("button", { name: "Refresh now" })).toHaveCount(0);
  });
});
