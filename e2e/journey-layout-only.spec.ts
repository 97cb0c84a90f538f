import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * Issue 14, item 9: tidying up a live journey's layout is not a change to what it does. The list
 * shows no unpublished changes, and "Publish changes" makes no new version: the editor says only
 * the layout changed and the live version stays.
 */
test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png` });

test("a layout-only change to a live journey publishes nothing", async ({ page }) => {
  const name = `Layout only e2e ${Date.now()}`;
  const created = await page.request.post("/api/w/demo/journeys", { data: { name } });
  expect(created.status()).toBe(201);
  const id = (await created.json()).journey.id as string;
  // Scattered, so the tidy-up moves every node; triggered by an event nobody sends.
  const graph = {
    nodes: [
      {
        id: "t",
        type: "trigger",
        position: { x: 600, y: 400 },
        data: { kind: "event", event: "layout_e2e_never_sent", filters: [] },
      },
      {
        id: "w",
        type: "wait",
        position: { x: 40, y: 40 },
        data: { kind: "duration", amount: 1, unit: "days" },
      },
      { id: "x", type: "exit", position: { x: 900, y: 20 }, data: {} },
    ],
    edges: [
      { id: "t-w", source: "t", sourceHandle: null, target: "w" },
      { id: "w-x", source: "w", sourceHandle: null, target: "x" },
    ],
  };
  expect(
    (await page.request.patch(`/api/w/demo/journeys/${id}`, { data: { graph } })).status(),
  ).toBe(200);
  expect(
    (await page.request.post(`/api/w/demo/journeys/${id}/publish`, { data: {} })).status(),
  ).toBe(200);
  const positions = async () =>
    (
      await sql<{ positions: string }>(
        page.request,
        "select jsonb_path_query_array(draft_graph, '$.nodes[*].position')::text as positions from journeys where id = $1",
        [id],
      )
    )[0]!.positions;
  const before = await positions();

  await page.goto(`/w/demo/journeys/${id}`);
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
  await page.getByRole("button", { name: "Tidy up layout" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await expect.poll(positions).not.toBe(before);
  // With "Saved" shown as well, the toolbar still fits: the name truncates, Publish stays on screen.
  const publish = page.getByRole("button", { name: "Publish changes" });
  const box = (await publish.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1440);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);

  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByTestId("editor-notice")).toHaveText(
    "Only the layout changed: version 1 stays live, there is nothing to publish",
  );
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
  await page.screenshot(shot("journey-layout-only-1440"));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("journey-layout-only-1280"));
  expect(
    await sql(
      page.request,
      "select j.live_version, (select count(*)::int from journey_versions v where v.journey_id = j.id) as versions from journeys j where j.id = $1",
      [id],
    ),
  ).toEqual([{ live_version: 1, versions: 1 }]);

  await page.goto("/w/demo/journeys");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByTestId("journey-live-version")).toHaveText("v1");

  // Stopped, so it holds no trigger for later specs.
  expect((await page.request.post(`/api/w/demo/journeys/${id}/stop`, { data: {} })).status()).toBe(
    200,
  );
});
