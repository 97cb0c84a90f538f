import { PinpointClient, PutEventsCommand } from "@aws-sdk/client-pinpoint";
import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";

/**
 * A former Pinpoint app, unchanged but for its endpoint and credentials: an admin creates a key
 * with the pinpoint scope and keeps the app's Pinpoint application id, the AWS SDK's PutEvents
 * reports a purchase for a device endpoint, the event starts a journey and shows on the contact.
 */
const run = Date.now().toString(36);
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const eventName = `Purchase ${run}`;
const userId = `pp-${run}`;
const appId = `pinpoint${run}`;

test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

test("an event sent with the AWS SDK's Pinpoint client enters a journey and shows on the contact", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // The key, with its AWS credentials shown once.
  await page.goto("/w/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name").fill(`Mobile app ${run}`);
  await page.getByRole("checkbox", { name: /^ingest/ }).uncheck();
  await page.getByRole("checkbox", { name: /^pinpoint/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const accessKeyId = await page.getByLabel("AWS access key id", { exact: true }).inputValue();
  const secretAccessKey = await page
    .getByLabel("AWS secret access key", { exact: true })
    .inputValue();
  expect(accessKeyId).toMatch(/^WMK[A-Z2-7]{17}$/);
  expect(secretAccessKey).toHaveLength(40);
  await page.screenshot(shot("pinpoint-key-created"));
  await page.getByRole("button", { name: "Done" }).click();
  const stored = await sql<{ n: number }>(
    request,
    "select count(*)::int as n from api_keys where access_key_id = $1 and position($2 in key_hash) = 0",
    [accessKeyId, secretAccessKey],
  );
  expect(stored).toEqual([{ n: 1 }]);

  // The app's own Pinpoint application id, kept in Settings → API.
  await page.goto("/w/demo/settings/api");
  await page.getByLabel("Pinpoint application id").fill(appId);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByText(`ApplicationId: "${appId}"`)).toBeVisible();
  await page.screenshot(shot("pinpoint-settings"));

  // A journey that starts on the event.
  const [template] = await sql<{ id: string }>(
    request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome email'",
  );
  const created = await request.post("/api/w/demo/journeys", {
    data: { name: `After ${eventName}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const graph = {
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 300, y: 0 },
        data: { kind: "event", event: eventName, filters: [] },
      },
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
  const saved = await request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: { graph, settings: { entry: { mode: "once" } } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await request.post(`/api/w/demo/journeys/${journeyId}/publish`, { data: {} });
  expect(published.status(), await published.text()).toBe(200);

  try {
    // The unchanged AWS SDK: only the endpoint and the credentials are Waymark's.
    const client = new PinpointClient({
      endpoint: `${E2E_BASE_URL}/api/pinpoint`,
      region: "eu-west-1",
      credentials: { accessKeyId, secretAccessKey },
    });
    const res = await client.send(
      new PutEventsCommand({
        ApplicationId: appId,
        EventsRequest: {
          BatchItem: {
            [`device-${run}`]: {
              Endpoint: {
                ChannelType: "EMAIL",
                Address: `${userId}@example.com`,
                User: { UserId: userId, UserAttributes: { firstName: ["Pia"] } },
              },
              Events: {
                [`evt-${run}`]: {
                  EventType: eventName,
                  Timestamp: new Date().toISOString(),
                  Attributes: { sku: "A-1" },
                  Metrics: { price: 19.5 },
                },
              },
            },
          },
        },
      }),
    );
    expect(res.EventsResponse?.Results?.[`device-${run}`]?.EventsItemResponse).toEqual({
      [`evt-${run}`]: { StatusCode: 202, Message: "Accepted" },
    });

    await expect
      .poll(
        async () =>
          (
            await sql<{ user_id: string }>(
              request,
              "select c.external_id as user_id from journey_entries e join contacts c on c.id = e.contact_id where e.journey_id = $1",
              [journeyId],
            )
          ).map((r) => r.user_id),
        { timeout: 30_000 },
      )
      .toEqual([userId]);

    const [contact] = await sql<{ id: string }>(
      request,
      "select c.id from contacts c join workspaces w on w.id = c.workspace_id where w.slug = 'demo' and c.external_id = $1",
      [userId],
    );
    await page.goto(`/w/demo/contacts/${contact!.id}`);
    await expect(page.getByText(`${userId}@example.com`).first()).toBeVisible();
    await expect(page.getByTestId("timeline-event").filter({ hasText: eventName })).toBeVisible();
    await page.screenshot(shot("pinpoint-event-on-contact"));
  } finally {
    await request.post(`/api/w/demo/journeys/${journeyId}/stop`);
    // Later specs and the demo expect the seeded application id.
    await request.patch("/api/w/demo", { data: { pinpointApplicationId: "acme-demo-app" } });
  }
});
