import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * Item 6 of the canvas review: each edge out of a branch or split says how many took it, on the
 * canvas (live, from each entry's visits) and in the dashboard's per-step table (from rollups).
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png` });

test.use({ storageState: storageStateFor("analyst") });

test("the demo journey's branch and split edges carry how many took each way", async ({
  page,
  request,
}) => {
  const [j] = await sql<{ id: string }>(
    request,
    "select j.id from journeys j join workspaces w on w.id = j.workspace_id and w.slug = 'demo' where j.status = 'live' and j.name = 'Welcome journey'",
  );
  const counts = await sql<{ node_id: string; outcome: string; n: number }>(
    request,
    "select node_id, outcome, count(*)::int as n from journey_node_visits where journey_id = $1 and node_id in ('bought', 'split') group by node_id, outcome",
    [j!.id],
  );
  const took = (node: string, outcome: string) =>
    counts.find((c) => c.node_id === node && c.outcome === outcome)?.n ?? 0;
  expect(took("bought", "no")).toBeGreaterThan(0);

  for (const width of [1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/w/demo/journeys/${j!.id}`);
    for (const [edge, node, outcome, label] of [
      ["bought-yes-done", "bought", "yes", "Yes"],
      ["bought-no-split", "bought", "no", "No"],
      ["split-A-coupon", "split", "A", "Variant A"],
      ["split-B-guide", "split", "B", "Variant B"],
    ] as const) {
      const n = took(node, outcome).toLocaleString("en-US");
      await expect(page.getByTestId(`edge-count-${edge}`)).toHaveText(n);
      await expect(page.getByTestId(`edge-label-${edge}`)).toHaveText(`${label}${n}`);
    }
    await page.screenshot(shot(`journey-outcome-counts-${width}`));
  }

  // The dashboard lists the same ways under the step, for the chosen range (here: all of it).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/w/demo/dashboards/journeys/${j!.id}`);
  const row = page.getByTestId("step-outcomes-bought");
  await expect(row).toHaveText(/^Yes [\d,]+ · No [\d,]+$/);
  const [yes, no] = ((await row.textContent()) ?? "")
    .match(/[\d,]+/g)!
    .map((s) => Number(s.replace(/,/g, "")));
  const passed = await page.getByTestId("step-row-bought").locator("td").nth(1).textContent();
  expect(yes! + no!).toBe(Number(passed!.replace(/,/g, "")));
  await expect(page.getByTestId("step-outcomes-split")).toHaveText(
    /^Variant A [\d,]+ · Variant B [\d,]+$/,
  );
  await page.getByTestId("table-nodes").scrollIntoViewIfNeeded();
  await page.screenshot(shot("dashboard-step-outcomes-1280"));
});
