import { expect, test, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * Items 6 and "also finish" of the canvas review: each edge out of a branch or split says how many
 * took it, and the canvas counts come from the dashboard's rollups for a chosen date range: for
 * each range, the numbers on the canvas equal the dashboard's per-step table for the same range.
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png` });
const num = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));
const compact = (n: number) => new Intl.NumberFormat("en-US", { notation: "compact" }).format(n);

test.use({ storageState: storageStateFor("analyst") });

const EDGES = [
  ["bought-yes-done", "bought", "Yes"],
  ["bought-no-split", "bought", "No"],
  ["split-A-coupon", "split", "Variant A"],
  ["split-B-guide", "split", "Variant B"],
] as const;

/** The dashboard's per-step table: each way out of the step ("Yes 12 · No 30") and its passed column. */
async function dashboardFigures(page: Page) {
  const ways: Record<string, number> = {};
  const passed: Record<string, number> = {};
  for (const node of ["bought", "split"]) {
    const text = (await page.getByTestId(`step-outcomes-${node}`).textContent()) ?? "";
    for (const part of text.split(" · ")) {
      const m = /^(.*) ([\d,]+)$/.exec(part.trim());
      if (m) ways[`${node}:${m[1]}`] = num(m[2]!);
    }
    passed[node] = num(
      await page.getByTestId(`step-row-${node}`).locator("td").nth(1).textContent(),
    );
  }
  return { ways, passed };
}

test("the canvas counts for a chosen range equal the dashboard's per-step table for it", async ({
  page,
  request,
}) => {
  // Two ranges, each on the canvas and then on the dashboard: slow pages on a loaded machine.
  test.setTimeout(150_000);
  const [j] = await sql<{ id: string }>(
    request,
    "select j.id from journeys j join workspaces w on w.id = j.workspace_id and w.slug = 'demo' where j.status = 'live' and j.name = 'Welcome journey'",
  );
  const seen: Record<string, number> = {};
  for (const [range, label, width] of [
    ["7d", "Last 7 days", 1280],
    ["90d", "Last 90 days", 1440],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/w/demo/journeys/${j!.id}`);
    const bar = page.getByTestId("canvas-counts-bar");
    await expect(bar.getByLabel("Date range")).toHaveValue("30d");
    // The default range's counts have landed, so the page is hydrated: a choice made before that
    // is lost on a loaded machine (the server-drawn select has no handler yet).
    await expect(bar.getByTestId("canvas-counts-days")).toBeVisible();
    // The canvas for the range, read once its counts for that range have landed.
    const stats = page.waitForResponse((r) => r.url().includes(`/stats?range=${range}`));
    await bar.getByLabel("Date range").selectOption(label);
    expect((await stats).status()).toBe(200);
    await expect(bar.getByTestId("canvas-counts-days")).toBeVisible();
    const canvas: Record<string, number> = {};
    for (const [edge, node, way] of EDGES) {
      await expect(page.getByTestId(`edge-label-${edge}`)).toHaveText(
        new RegExp(`^${way}[\\d,]+$`),
      );
      canvas[`${node}:${way}`] = num(await page.getByTestId(`edge-count-${edge}`).textContent());
    }
    // A node's badge is compact ("1.3K"); its ways out add up to what it says.
    const badge = async (node: string) =>
      await page.getByTestId(`node-${node}`).getByTestId("stat-passed").textContent();
    const passedOnCanvas = { bought: await badge("bought"), split: await badge("split") };
    expect(passedOnCanvas.bought).toBe(compact(canvas["bought:Yes"]! + canvas["bought:No"]!));
    expect(passedOnCanvas.split).toBe(
      compact(canvas["split:Variant A"]! + canvas["split:Variant B"]!),
    );
    await page.screenshot(shot(`journey-canvas-counts-${range}-${width}`));

    // The dashboard link keeps the range; its table says the same.
    await bar.getByRole("link", { name: "Open the dashboard" }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboards/journeys/${j!.id}\\?range=${range}$`));
    const dash = await dashboardFigures(page);
    expect(dash.ways).toEqual(canvas);
    expect({ bought: compact(dash.passed.bought!), split: compact(dash.passed.split!) }).toEqual(
      passedOnCanvas,
    );
    seen[range] = dash.passed.bought!;
    await page.getByTestId("table-nodes").scrollIntoViewIfNeeded();
    await page.screenshot(shot(`dashboard-step-outcomes-${range}-${width}`));
  }
  // The demo's history spans weeks: the longer range holds more.
  expect(seen["90d"]).toBeGreaterThan(0);
  expect(seen["90d"]).toBeGreaterThanOrEqual(seen["7d"]!);
});
