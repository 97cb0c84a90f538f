import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  DEMO_API_KEY,
  refreshRollupsNow,
  screenshotAtBothWidths,
  sql,
  storageStateFor,
} from "./helpers";
import { selectNode } from "./journey-canvas-helpers";

/**
 * Item 4 of the canvas review: the marketer names a step on the canvas; the message log, the runs
 * page, the dashboard and its CSV say "Cool-off day" and "Welcome email", never "send_3kqyqy".
 */
const run = Date.now().toString(36);
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

async function templateId(request: APIRequestContext, name: string) {
  const [row] = await sql<{ id: string }>(
    request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = $1",
    [name],
  );
  return row!.id;
}

test.use({ storageState: storageStateFor("marketer") });

test("a step named on the canvas is called by that name in the message log, runs and dashboard", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const email = await templateId(request, "Welcome email");
  const event = `named.signup.${run}`;
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Named steps ${run}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const n = (id: string, type: string, y: number, data: Record<string, unknown>) => ({
    id,
    type,
    position: { x: 300, y },
    data,
  });
  const day = { kind: "duration", amount: 1, unit: "days" };
  const graph = {
    nodes: [
      n("signup", "trigger", 0, { kind: "event", event, filters: [] }),
      n("welcome", "send", 150, { channel: "email", templateId: email }),
      n("first_wait", "wait", 300, day),
      n("second_wait", "wait", 450, day),
      n("end", "exit", 600, {}),
    ],
    edges: [
      { id: "e1", source: "signup", sourceHandle: null, target: "welcome" },
      { id: "e2", source: "welcome", sourceHandle: null, target: "first_wait" },
      { id: "e3", source: "first_wait", sourceHandle: null, target: "second_wait" },
      { id: "e4", source: "second_wait", sourceHandle: null, target: "end" },
    ],
  };
  const saved = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: { graph, settings: { entry: { mode: "once" } } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  // On the canvas: the field offers what the step does; typing a name shows it on the node.
  await page.goto(`/w/demo/journeys/${journeyId}`);
  await selectNode(page, "first_wait");
  const field = page.getByLabel("Step name");
  await expect(field).toHaveAttribute("placeholder", "Wait 1 day");
  await field.fill("Cool-off day");
  await expect(page.getByTestId("node-first_wait").getByTestId("node-name")).toHaveText(
    "Cool-off day",
  );
  await expect(page.getByTestId("node-second_wait").getByTestId("node-name")).toHaveText("Wait");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.screenshot(shot("journey-step-name-1280"));
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");

  // The published version carries every step's name; untouched ones say what they do.
  const [plan] = await sql<{ names: Record<string, string> }>(
    request,
    "select (select jsonb_object_agg(k, v->>'name') from jsonb_each(plan->'steps') as s(k, v)) as names from journey_versions where journey_id = $1 and version = 1",
    [journeyId],
  );
  expect(plan!.names).toEqual({
    signup: `When ${event} happens`,
    welcome: "Welcome email",
    first_wait: "Cool-off day",
    second_wait: "Wait 1 day",
    end: "Exit",
  });

  // A contact signs up: the welcome email goes out and they wait in the cool-off.
  const userId = `named-${run}`;
  const batch = await request.post("/api/v1/batch", {
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
    data: {
      batch: [
        { type: "identify", userId, traits: { email: `${userId}@example.com`, firstName: "Nia" } },
        { type: "track", userId, event, messageId: `signup-${userId}` },
      ],
    },
  });
  expect(batch.status(), await batch.text()).toBe(200);

  await expect(async () => {
    await page.goto(`/w/demo/messages?q=${encodeURIComponent(`${userId}@example.com`)}`);
    await expect(page.getByTestId("messages-total")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText(`Named steps ${run}`);
  await expect(row).toContainText("Welcome email · v1");
  await expect(row).not.toContainText("welcome ·");
  await page.screenshot(shot("messages-step-names-1280"));
  await row.locator("a").first().click();
  await expect(page.getByTestId("message-facts")).toContainText(`Named steps ${run}`);
  await expect(page.getByTestId("message-facts")).toContainText("Welcome email · v1");
  await page.screenshot(shot("message-step-names-1280"));

  // Runs: the contact stands in "Cool-off day".
  await expect(async () => {
    await page.goto(`/w/demo/journeys/runs?journey=${journeyId}`);
    await expect(page.getByTestId("run-current-step").first()).toHaveText("Cool-off day", {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await page.screenshot(shot("runs-step-names-1280"));
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.screenshot(shot("runs-step-names-desktop"));

  // Version 2 drops the cool-off; the contact still waits in it on version 1. The dashboard's
  // "where contacts are now" and its CSV call the step by its name in version 1, not "first_wait".
  const v2 = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: {
      graph: {
        nodes: graph.nodes.filter((x) => x.id !== "first_wait"),
        edges: [
          graph.edges[0]!,
          { id: "e2b", source: "welcome", sourceHandle: null, target: "second_wait" },
          graph.edges[3]!,
        ],
      },
    },
  });
  expect(v2.status(), await v2.text()).toBe(200);
  const published = await page.request.post(`/api/w/demo/journeys/${journeyId}/publish`, {
    data: {},
  });
  expect(published.status(), await published.text()).toBe(200);
  // The funnel beside it reads the rollups: fold them now, so the page agrees with itself.
  await refreshRollupsNow();
  await page.goto(`/w/demo/dashboards/journeys/${journeyId}`);
  const now = page.getByTestId("chart-now");
  await expect(now).toContainText("Cool-off day");
  await expect(now).not.toContainText("first_wait");
  await screenshotAtBothWidths(page, "dashboard-older-step-name");
  const nowCsv = await page.getByTestId("chart-now-csv").getAttribute("href");
  const rows = await (await page.request.get(nowCsv!)).text();
  expect(rows).toContain("Cool-off day");
  expect(rows).not.toContain("first_wait");
});

test("the demo journey's dashboard and its CSV name the steps", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const [j] = await sql<{ id: string }>(
    request,
    "select j.id from journeys j join workspaces w on w.id = j.workspace_id and w.slug = 'demo' where j.status = 'live' order by j.created_at limit 1",
  );
  await page.goto(`/w/demo/dashboards/journeys/${j!.id}`);
  const funnel = page.getByTestId("funnel-table");
  await expect(funnel).toContainText("Welcome email");
  await expect(funnel).toContainText("Wait 1 day");
  await expect(funnel).not.toContainText(/send_|Send \(email\)/);
  await page.screenshot(shot("dashboard-step-names-1280"));
  const csvHref = await page.getByTestId("chart-funnel-csv").getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain("Welcome email");
  expect(csv).not.toMatch(/send_[a-z0-9]+/);
});
