import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";

/**
 * Journeys that start without an event: a contact who comes into a segment, and a contact whose
 * date attribute comes round. Both run on the app's own sweeper and executor; sends go to the
 * demo's Outbox. Each journey is stopped at the end so the shared demo database stays as found.
 */
const run = Date.now().toString(36);
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const api = (request: APIRequestContext, path: string, body: unknown) =>
  request.post(`/api/v1/${path}`, {
    data: body,
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1500, height: 950 } });

async function draftJourney(page: Page, name: string, trigger: Record<string, unknown>) {
  const [template] = await sql<{ id: string }>(
    page.request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome email'",
  );
  const created = await page.request.post("/api/w/demo/journeys", { data: { name } });
  expect(created.status()).toBe(201);
  const id = (await created.json()).journey.id as string;
  const graph = {
    nodes: [
      { id: "start", type: "trigger", position: { x: 300, y: 0 }, data: trigger },
      {
        id: "hello",
        type: "send",
        position: { x: 300, y: 140 },
        data: { channel: "email", templateId: template!.id },
      },
      { id: "end", type: "exit", position: { x: 300, y: 280 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: null, target: "hello" },
      { id: "e2", source: "hello", sourceHandle: null, target: "end" },
    ],
  };
  const saved = await page.request.patch(`/api/w/demo/journeys/${id}`, {
    data: { graph, settings: { entry: { mode: "once" } } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  return id;
}

/** The user ids of a journey's entries, each with the kind of trigger that entered them. */
async function entered(request: APIRequestContext, journeyId: string) {
  const rows = await sql<{ user_id: string; key: string }>(
    request,
    "select c.external_id as user_id, split_part(e.trigger_key, ':', 1) as key from journey_entries e join contacts c on c.id = e.contact_id where e.journey_id = $1 order by 1",
    [journeyId],
  );
  return rows.map((r) => `${r.user_id} by ${r.key}`);
}

async function emailedTo(request: APIRequestContext, journeyId: string) {
  const rows = await sql<{ user_id: string }>(
    request,
    "select c.external_id as user_id from messages m join contacts c on c.id = m.contact_id where m.origin->>'journeyId' = $1 and m.status in ('sent', 'delivered') order by 1",
    [journeyId],
  );
  return rows.map((r) => r.user_id);
}

test("a journey started by entering a segment takes contacts as they come in, not those already there", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tier = `trigger-gold-${run}`;
  const segment = await page.request.post("/api/w/demo/segments", {
    data: {
      name: `Gold ${run}`,
      type: "dynamic",
      definition: {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "attribute", key: "loyalty", type: "string", op: "equals", value: tier },
        ],
      },
    },
  });
  expect(segment.status(), await segment.text()).toBe(201);
  const [early, later, other] = ["early", "later", "other"].map((n) => `${n}-${run}`) as [
    string,
    string,
    string,
  ];
  expect(
    (
      await api(request, "identify", {
        userId: early,
        traits: { email: `${early}@example.com`, firstName: "Early", loyalty: tier },
      })
    ).status(),
  ).toBe(200);

  const journeyId = await draftJourney(page, `Gold welcome ${run}`, {
    kind: "event",
    event: "placeholder",
    filters: [],
  });
  await page.goto(`/w/demo/journeys/${journeyId}`);
  await page.getByTestId("node-start").locator("[data-testid=node-summary]").click();
  const panel = page.getByTestId("side-panel");
  await panel.getByLabel("Start when", { exact: true }).selectOption("segment_entered");
  await panel.getByLabel("Segment", { exact: true }).selectOption({ label: `Gold ${run}` });
  await expect(
    panel.getByLabel("Also enter contacts already in it when published"),
  ).not.toBeChecked();
  await expect(page.getByTestId("node-start")).toContainText(`Gold ${run}`);
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
  await page.screenshot(shot("journey-segment-trigger"));

  // Upgraded through the API: in the segment, into the journey, welcome email sent.
  expect(
    (
      await api(request, "identify", {
        userId: later,
        traits: { email: `${later}@example.com`, firstName: "Later", loyalty: tier },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await api(request, "identify", {
        userId: other,
        traits: { email: `${other}@example.com`, firstName: "Other", loyalty: "silver" },
      })
    ).status(),
  ).toBe(200);
  await expect
    .poll(() => entered(request, journeyId), { timeout: 30_000 })
    .toEqual([`${later} by segment`]);
  await expect.poll(() => emailedTo(request, journeyId), { timeout: 60_000 }).toEqual([later]);
  // Still nobody else once a sweep that started after both upgrades has compared the whole segment.
  const now = (await sql<{ now: string }>(request, "select now()::text as now"))[0]!.now;
  await expect
    .poll(
      async () => {
        const [state] = await sql<{ swept: boolean }>(
          request,
          "select swept_at > $2::timestamptz as swept from journey_trigger_state where journey_id = $1",
          [journeyId, now],
        );
        return state?.swept;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(await entered(request, journeyId)).toEqual([`${later} by segment`]);

  expect((await page.request.post(`/api/w/demo/journeys/${journeyId}/stop`)).status()).toBe(200);
});

test("a date-attribute journey greets contacts on their day once their local time has come", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const attribute = `anniversary_${run}`;
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const journeyId = await draftJourney(page, `Anniversary ${run}`, {
    kind: "date_attribute",
    attribute,
    offsetDays: 0,
    time: "00:00",
    yearly: true,
  });
  const published = await page.request.post(`/api/w/demo/journeys/${journeyId}/publish`);
  expect(published.status(), await published.text()).toBe(200);

  const [due, notYet] = [`due-${run}`, `not-yet-${run}`];
  const identify = (userId: string, date: string) =>
    api(request, "identify", {
      userId,
      traits: {
        email: `${userId}@example.com`,
        firstName: "Pat",
        [attribute]: `2019-${date.slice(5)}`,
      },
      context: { timezone: "UTC" },
    });
  expect((await identify(due, today)).status()).toBe(200);
  expect((await identify(notYet, tomorrow)).status()).toBe(200);
  await expect
    .poll(() => entered(request, journeyId), { timeout: 30_000 })
    .toEqual([`${due} by date`]);
  await expect.poll(() => emailedTo(request, journeyId), { timeout: 60_000 }).toEqual([due]);

  // The canvas tells the marketer when contacts enter.
  await page.goto(`/w/demo/journeys/${journeyId}`);
  await expect(page.getByTestId("node-start")).toContainText(attribute);

  // A later sweep (it enters a contact whose day it is, identified now) enters nobody twice and
  // still not the contact whose day is tomorrow.
  const alsoDue = `also-due-${run}`;
  expect((await identify(alsoDue, today)).status()).toBe(200);
  await expect
    .poll(() => entered(request, journeyId), { timeout: 30_000 })
    .toEqual([`${alsoDue} by date`, `${due} by date`]);

  expect((await page.request.post(`/api/w/demo/journeys/${journeyId}/stop`)).status()).toBe(200);
});
