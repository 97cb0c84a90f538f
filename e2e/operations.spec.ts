import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, storageStateFor } from "./helpers";

const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

test.describe("health, metrics and the system status page", () => {
  test("health answers without credentials and reveals no secrets", async ({ request }) => {
    const live = await request.get("/api/health/live");
    expect(live.status()).toBe(200);
    expect(await live.json()).toMatchObject({ ok: true });

    const ready = await request.get("/api/health/ready");
    expect(ready.status()).toBe(200);
    const body = await ready.json();
    expect(body.ok).toBe(true);
    expect(Object.keys(body.checks)).toEqual([
      "shutdown",
      "database",
      "migrations",
      "executor",
      "providers",
    ]);
    expect(body.checks.executor).toMatchObject({ ok: true, kind: "local" });
    expect(JSON.stringify(body)).not.toMatch(/secret|password|pglite|postgres:\/\//i);
  });

  test("metrics need a credential; an operator's session reads them", async ({ browser }) => {
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    expect((await anonymous.request.get("/api/metrics")).status()).toBe(401);
    await anonymous.close();
    const marketer = await browser.newContext({ storageState: storageStateFor("marketer") });
    expect((await marketer.request.get("/api/metrics")).status()).toBe(403);
    await marketer.close();

    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    // Some traffic first, so the counters have something to say.
    const track = await admin.request.post("/api/v1/track", {
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, "x-request-id": "e2e-ops-1" },
      data: { userId: "ops-e2e", event: "Ops Checked" },
    });
    expect(track.ok()).toBe(true);
    expect(track.headers()["x-request-id"]).toBe("e2e-ops-1");
    const res = await admin.request.get("/api/metrics");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^waymark_events_ingested_total [1-9]/m);
    expect(text).toMatch(/^waymark_executor_queue_depth \d+/m);
    expect(text).toContain('waymark_http_request_duration_seconds_count{route="/api/v1/track"');
    await admin.close();
  });

  test.describe("as the admin", () => {
    test.use({ storageState: storageStateFor("admin") });

    for (const width of [1440, 1280]) {
      test(`Settings → System shows readiness, queue, providers and runs (${width} px)`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/w/demo/settings");
        await page.getByRole("navigation", { name: "Settings" }).getByText("System").click();
        await expect(page).toHaveURL(/\/settings\/system$/);
        await expect(page.getByRole("heading", { name: "System status" })).toBeVisible();
        await expect(page.getByTestId("readiness")).toHaveText("Ready");
        await expect(page.getByTestId("check-database")).toContainText("Database reachable");
        await expect(page.getByText("Executor queue")).toBeVisible();
        await expect(page.getByText("Failing providers")).toBeVisible();
        await expect(
          page.getByRole("img", { name: "Executor runs by function and status" }),
        ).toBeVisible();
        await page.screenshot(shot(`admin-settings-system-${width}`));
      });
    }
  });

  test.describe("as the marketer", () => {
    test.use({ storageState: storageStateFor("marketer") });

    test("has no System tab and gets a 404 from the page", async ({ page }) => {
      await page.goto("/w/demo/settings");
      await expect(page.getByRole("navigation", { name: "Settings" })).toBeVisible();
      await expect(
        page.getByRole("navigation", { name: "Settings" }).getByText("System"),
      ).toHaveCount(0);
      const res = await page.goto("/w/demo/settings/system");
      expect(res?.status()).toBe(404);
    });
  });
});
