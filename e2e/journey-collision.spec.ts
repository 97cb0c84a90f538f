import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * Item 8 of the canvas review: publishing a journey that starts on the same event as a live one
 * (the demo's welcome journey, on "Signed Up") names that journey and asks; nothing goes live
 * until the marketer says so, and publishing changes later does not ask again.
 */
const run = Date.now().toString(36);
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png` });

test.use({ storageState: storageStateFor("marketer") });

test("publishing over a live journey's trigger names it and asks first", async ({
  page,
  request,
}) => {
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Second welcome ${run}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const graph = (amount: number) => ({
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 300, y: 0 },
        data: { kind: "event", event: "Signed Up", filters: [] },
      },
      {
        id: "pause",
        type: "wait",
        position: { x: 300, y: 150 },
        data: { kind: "duration", amount, unit: "hours" },
      },
      { id: "end", type: "exit", position: { x: 300, y: 300 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: null, target: "pause" },
      { id: "e2", source: "pause", sourceHandle: null, target: "end" },
    ],
  });
  const saved = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: { graph: graph(1) },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const state = async () =>
    (
      await sql<{ status: string; live_version: number }>(
        request,
        "select status, live_version from journeys where id = $1",
        [journeyId],
      )
    )[0];

  for (const width of [1280, 1600]) {
    await page.setViewportSize({ width, height: 850 });
    await page.goto(`/w/demo/journeys/${journeyId}`);
    await page.getByRole("button", { name: /^Publish/ }).click();
    const ask = page.getByRole("dialog", { name: "Another journey starts the same way" });
    await expect(ask.getByTestId("collisions")).toContainText("Welcome journey");
    await expect(ask.getByTestId("collisions")).toContainText("also starts when Signed Up happens");
    await page.screenshot(shot(`journey-publish-collision-${width}`));
    await ask.getByRole("button", { name: "Don't publish" }).click();
    await expect(ask).toHaveCount(0);
    expect(await state()).toEqual({ status: "draft", live_version: 0 });
  }

  await page.getByRole("button", { name: /^Publish/ }).click();
  await page.getByRole("button", { name: "Publish anyway" }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
  expect(await state()).toEqual({ status: "live", live_version: 1 });

  // A change that keeps the trigger publishes without asking again.
  await page.getByTestId("node-pause").locator("[data-testid=node-summary]").click();
  await page.getByTestId("side-panel").getByLabel("Amount", { exact: true }).fill("2");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 2 · Live");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Stopped, so later tests' sign-ups enter only the demo journey.
  expect(
    (await page.request.post(`/api/w/demo/journeys/${journeyId}/stop`, { data: {} })).status(),
  ).toBe(200);
});
