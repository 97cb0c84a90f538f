import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";
import { selectNode, shot } from "./journey-canvas-helpers";

/**
 * Item 5 of the canvas review: "browsed but did not buy" is one condition. The marketer turns a
 * branch's check into an AND group on the canvas, the node reads it in words, and after publishing
 * the local executor sends the browser down "yes" and the buyer down "no".
 */
const run = Date.now().toString(36);
const viewed = `Viewed ${run}`;
const bought = `Bought ${run}`;
const start = `cg.start.${run}`;

test.use({ storageState: storageStateFor("marketer") });

test("an AND group with a did-not check is built, read in words and run", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Browsed not bought ${run}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const n = (id: string, type: string, x: number, y: number, data: Record<string, unknown>) => ({
    id,
    type,
    position: { x, y },
    data,
  });
  const lastDay = { kind: "last_hours", hours: 24 };
  const graph = {
    nodes: [
      n("start", "trigger", 300, 0, { kind: "event", event: start, filters: [] }),
      n("n", "branch", 300, 150, {
        condition: { kind: "did_event", event: viewed, filters: [], window: lastDay },
      }),
      n("browsed", "exit", 120, 320, {}),
      n("other", "exit", 480, 320, {}),
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: null, target: "n" },
      { id: "e2", source: "n", sourceHandle: "yes", target: "browsed" },
      { id: "e3", source: "n", sourceHandle: "no", target: "other" },
    ],
  };
  const saved = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: { graph, settings: { entry: { mode: "once" } } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/w/demo/journeys/${journeyId}`);
  await selectNode(page, "n");
  // Turning the check into a group keeps "did Viewed" as its first condition.
  await page.getByLabel("Condition: check").selectOption("group");
  const first = page.getByTestId("condition-Condition › 1");
  await expect(first.getByLabel("Event")).toHaveValue(viewed);
  const second = page.getByTestId("condition-Condition › 2");
  await second.getByLabel("They").selectOption("not");
  await second.getByLabel("Event").fill(bought);
  await second.getByLabel("When").selectOption("last_hours");
  const summary = page.getByTestId("node-n").getByTestId("node-summary");
  await expect(summary).toHaveText(`If did ${viewed} and not ${bought} in the last 24 hours`);
  // A nested OR group can be added, and removed again.
  await page.getByRole("button", { name: "Condition: add OR group" }).click();
  await expect(page.getByTestId("condition-group-Condition › 3")).toBeVisible();
  await expect(summary).toContainText(" and did an event… since entry");
  await page.getByRole("button", { name: "Remove Condition › 3" }).click();
  await expect(summary).toHaveText(`If did ${viewed} and not ${bought} in the last 24 hours`);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.screenshot(shot("journey-condition-group-1440"));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("journey-condition-group-1280"));

  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");

  // Ana browsed; Ben browsed and bought. Their events first, then the trigger.
  const api = (body: unknown) =>
    request.post("/api/v1/batch", {
      data: body,
      headers: { authorization: `Bearer ${DEMO_API_KEY}` },
    });
  const [ana, ben] = [`cg-ana-${run}`, `cg-ben-${run}`];
  const track = (userId: string, event: string) => ({ type: "track", userId, event });
  const history = await api({
    batch: [track(ana, viewed), track(ben, viewed), track(ben, bought)],
  });
  expect(history.status()).toBe(200);
  expect((await api({ batch: [track(ana, start), track(ben, start)] })).status()).toBe(200);

  await expect
    .poll(
      async () =>
        await sql<{ uid: string; outcome: string }>(
          request,
          `select c.external_id as uid, v.outcome from journey_node_visits v
             join journey_entries e on e.id = v.entry_id join contacts c on c.id = e.contact_id
            where v.journey_id = $1 and v.node_id = 'n' order by c.external_id`,
          [journeyId],
        ),
      { timeout: 20_000 },
    )
    .toEqual([
      { uid: ana, outcome: "yes" },
      { uid: ben, outcome: "no" },
    ]);
});
