import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";
import { selectNode, shot } from "./journey-canvas-helpers";

/**
 * Item 5 of the canvas review, for the wait-for-event: "ordered, having viewed the product" is one
 * wait. The marketer adds a condition to a wait for Order Completed, is shown the missing event at
 * its field on publish, fixes it, reads the node in words, publishes, and on the local executor an
 * order from someone who viewed goes down "happened" while an order without a view keeps waiting
 * until a later order meets it.
 */
const run = Date.now().toString(36);
const viewed = `Viewed ${run}`;
const ordered = `Ordered ${run}`;
const start = `wc.start.${run}`;

test.use({ storageState: storageStateFor("marketer") });

test("a wait for an event takes a condition: built in its form, read in words and run", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Ordered having viewed ${run}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const n = (id: string, type: string, x: number, y: number, data: Record<string, unknown>) => ({
    id,
    type,
    position: { x, y },
    data,
  });
  const graph = {
    nodes: [
      n("start", "trigger", 300, 0, { kind: "event", event: start, filters: [] }),
      n("n", "wait_for_event", 300, 150, {
        event: ordered,
        filters: [],
        timeout: { amount: 1, unit: "days" },
      }),
      n("met", "exit", 120, 320, {}),
      n("late", "exit", 480, 320, {}),
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: null, target: "n" },
      { id: "e2", source: "n", sourceHandle: "happened", target: "met" },
      { id: "e3", source: "n", sourceHandle: "timed_out", target: "late" },
    ],
  };
  const saved = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: { graph, settings: { entry: { mode: "once" } } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/w/demo/journeys/${journeyId}`);
  await selectNode(page, "n");
  const summary = page.getByTestId("node-n").getByTestId("node-summary");
  await expect(summary).toHaveText(`${ordered} · up to 1 day`);
  await page.getByRole("button", { name: "Add a condition" }).click();
  const form = page.getByTestId("wait-condition");
  await expect(form.getByLabel("Combine with the event")).toHaveValue("all");
  await expect(form.getByLabel("Wait condition: check")).toHaveValue("did_event");

  // Publishing with the condition's event left empty names that field, and only it.
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("publish-error")).toHaveCount(1);
  await expect(page.getByTestId("publish-error")).toContainText("choose an event");
  await page.getByTestId("side-panel").getByRole("tab", { name: "Step" }).click();
  await expect(page.getByTestId("wait-condition")).toContainText("choose an event");
  await expect(page.getByTestId("live-version")).toHaveCount(0);

  await form.getByLabel("Event", { exact: true }).fill(viewed);
  await expect(summary).toHaveText(`${ordered} and did ${viewed} since entry · up to 1 day`);
  await form.getByLabel("Combine with the event").selectOption("any");
  await expect(summary).toHaveText(
    `${ordered}, or by then did ${viewed} since entry · up to 1 day`,
  );
  await form.getByLabel("Combine with the event").selectOption("all");
  await expect(summary).toHaveText(`${ordered} and did ${viewed} since entry · up to 1 day`);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
  // Published: the node and its form, with nothing left to fix, at desktop and laptop widths.
  await selectNode(page, "n");
  await page.getByTestId("side-panel").screenshot(shot("journey-wait-condition-form-1440"));
  await page.screenshot(shot("journey-wait-condition-1440"));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot(shot("journey-wait-condition-1280"));

  const api = (...batch: { userId: string; event: string }[]) =>
    request.post("/api/v1/batch", {
      data: { batch: batch.map((b) => ({ type: "track", ...b })) },
      headers: { authorization: `Bearer ${DEMO_API_KEY}` },
    });
  const [ana, ben] = [`wc-ana-${run}`, `wc-ben-${run}`];
  const where = async () =>
    await sql<{ uid: string; node: string | null; status: string }>(
      request,
      `select c.external_id as uid, e.current_node_id as node, e.status from journey_entries e
         join contacts c on c.id = e.contact_id where e.journey_id = $1 order by c.external_id`,
      [journeyId],
    );
  expect((await api({ userId: ana, event: start }, { userId: ben, event: start })).status()).toBe(
    200,
  );
  // Both are waiting at the node before anything they do can count.
  await expect.poll(where, { timeout: 20_000 }).toEqual([
    { uid: ana, node: "n", status: "active" },
    { uid: ben, node: "n", status: "active" },
  ]);
  // Ana views, then orders: met. Ben orders without viewing: still waiting.
  expect((await api({ userId: ana, event: viewed })).status()).toBe(200);
  expect(
    (await api({ userId: ana, event: ordered }, { userId: ben, event: ordered })).status(),
  ).toBe(200);
  const outcomes = async () =>
    await sql<{ uid: string; outcome: string }>(
      request,
      `select c.external_id as uid, v.outcome from journey_node_visits v
         join journey_entries e on e.id = v.entry_id join contacts c on c.id = e.contact_id
        where v.journey_id = $1 and v.node_id = 'n' order by c.external_id`,
      [journeyId],
    );
  await expect.poll(outcomes, { timeout: 20_000 }).toEqual([{ uid: ana, outcome: "happened" }]);
  expect((await where()).find((w) => w.uid === ben)).toEqual({
    uid: ben,
    node: "n",
    status: "active",
  });
  // Ben's order was checked and the wait taken up again for the time left (its step `node:n:1`,
  // which the executor keys by its SHA-1), before his next events are sent.
  const again = createHash("sha1").update("node:n:1").digest("hex");
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            request,
            "select count(*)::int as n from executor_waits where kind = 'event' and step_id in ($1, 'node:n:1')",
            [again],
          )
        )[0]!.n,
      { timeout: 20_000 },
    )
    .toBe(1);
  // Ben views and orders again: the second arrival meets the condition.
  expect((await api({ userId: ben, event: viewed })).status()).toBe(200);
  expect((await api({ userId: ben, event: ordered })).status()).toBe(200);
  await expect.poll(outcomes, { timeout: 20_000 }).toEqual([
    { uid: ana, outcome: "happened" },
    { uid: ben, outcome: "happened" },
  ]);
});
