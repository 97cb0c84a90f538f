import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";

/**
 * Issue 14, defect 2: looking at a message is not engagement. A real journey email (with its open
 * pixel and click redirects as sent) and a test send are opened on every page that shows a
 * message; the browser never asks for a tracking URL, and neither the message's events, the
 * contact's events nor the contact's timeline record an open or a click.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const userId = `preview-${run}`;
const email = `${userId}@example.com`;
const eventName = `preview.check_${run}`;

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

const api = (request: APIRequestContext, path: string, body: unknown) =>
  request.post(`/api/v1/${path}`, {
    data: body,
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });

/** The journey that sends the email: arranged through the API, as the journey specs cover drawing. */
async function liveJourneySendingWelcome(request: APIRequestContext, templateId: string) {
  const created = await request.post("/api/w/demo/journeys", {
    data: { name: `Preview check ${run}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const node = (id: string, type: string, y: number, data: Record<string, unknown>) => ({
    id,
    type,
    position: { x: 300, y },
    data,
  });
  const graph = {
    nodes: [
      node("start", "trigger", 0, { kind: "event", event: eventName, filters: [] }),
      node("welcome", "send", 150, { channel: "email", templateId }),
      node("end", "exit", 300, {}),
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: null, target: "welcome" },
      { id: "e2", source: "welcome", sourceHandle: null, target: "end" },
    ],
  };
  const saved = await request.patch(`/api/w/demo/journeys/${journeyId}`, { data: { graph } });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await request.post(`/api/w/demo/journeys/${journeyId}/publish`, { data: {} });
  expect(published.status(), await published.text()).toBe(200);
}

/** Waits until the page's email iframe has laid out its document (images requested by then). */
async function emailFrameLoaded(page: Page) {
  const frame = page.locator("iframe[title^='Email']").first();
  await expect(frame).toBeVisible({ timeout: 30_000 });
  await expect(frame.contentFrame().locator("body")).not.toBeEmpty();
  return frame;
}

test("opening a message anywhere records no open, no click and no opt-out", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tracking: string[] = [];
  page.on("request", (r) => {
    if (/\/(t\/[oc]|u)\/[A-Za-z0-9_-]{44}/.test(r.url())) tracking.push(r.url());
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (/Blocked script execution/.test(m.text()))
      consoleErrors.push(`${new URL(page.url()).pathname}: ${m.text()}`);
  });

  const [template] = await sql<{ id: string }>(
    request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome email'",
  );
  expect(template, "the demo's Welcome email template").toBeTruthy();
  await liveJourneySendingWelcome(page.request, template!.id);
  const batch = [
    { type: "identify", userId, traits: { email, firstName: "Vera" } },
    { type: "track", userId, event: eventName, messageId: `preview-${run}` },
  ];
  expect((await api(request, "batch", { batch })).status()).toBe(200);

  const messageOf = async () =>
    (
      await sql<{ id: string; contact_id: string; html: string; status: string }>(
        request,
        `select m.id, m.contact_id, m.content->>'html' as html, m.status from messages m
         where m.recipient = $1 and m.is_test = false`,
        [email],
      )
    )[0];
  await expect.poll(async () => (await messageOf())?.status, { timeout: 60_000 }).toBe("delivered");
  const message = (await messageOf())!;
  // As sent: the stored HTML carries the recipient's pixel and click redirects.
  expect(message.html).toMatch(/\/t\/o\/[A-Za-z0-9_-]{44}/);
  expect(message.html).toMatch(/\/t\/c\/[A-Za-z0-9_-]{44}\?u=/);

  // The Outbox, with the message selected.
  await page.goto(`/w/demo/outbox?m=${message.id}`);
  await expect(page.getByTestId("email-subject")).toContainText("Vera");
  let frame = await emailFrameLoaded(page);
  await expect(frame.contentFrame().locator("img[src*='/t/o/']")).toHaveCount(0);
  await expect(frame.contentFrame().locator("a[href*='/t/c/']")).toHaveCount(0);
  await expect(
    frame.contentFrame().locator("a[href='https://acme.example/dashboard']"),
  ).toHaveCount(1);
  await expect(page.getByTestId("email-text")).not.toContainText("/t/c/");
  await page.screenshot({ path: "test-results/shots/outbox-1440.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/shots/outbox-1280.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The message page.
  await page.goto(`/w/demo/messages/${message.id}`);
  frame = await emailFrameLoaded(page);
  const link = frame.contentFrame().locator("a[href='https://acme.example/dashboard']");
  await expect(link).toHaveCount(1);
  await page.screenshot({ path: "test-results/shots/message-1440.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/shots/message-1280.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  // The button points at its destination: a click (a new tab, outside the preview) never passes the redirect.
  await expect(frame.contentFrame().locator("a[href*='/t/c/'], a[href*='/u/']")).toHaveCount(0);

  // The contact's page and the template's preview.
  await page.goto(`/w/demo/contacts/${message.contact_id}`);
  await expect(page.getByTestId("timeline")).toContainText("Email Delivered");
  await page.goto(`/w/demo/templates/${template!.id}`);
  await emailFrameLoaded(page);

  // A test send from the template, as the marketer does it, then viewed in the Outbox.
  await page.getByRole("button", { name: "Test send" }).click();
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-send-result")).toHaveText("Sent");
  const [testSend] = await sql<{ id: string; html: string }>(
    request,
    `select id, content->>'html' as html from messages where is_test and template_id = $1
     order by created_at desc limit 1`,
    [template!.id],
  );
  expect(testSend!.html).not.toMatch(/\/t\/[oc]\//);
  await page.goto(`/w/demo/outbox?m=${testSend!.id}`);
  await emailFrameLoaded(page);
  await page.goto(`/w/demo/messages/${testSend!.id}`);
  await emailFrameLoaded(page);

  // Nothing recorded anywhere.
  expect(tracking).toEqual([]);
  const engaged = await sql<{ type: string }>(
    request,
    `select type::text from message_events where message_id = any($1::uuid[])
     and type::text in ('opened', 'clicked', 'unsubscribed')`,
    [`{${message.id},${testSend!.id}}`],
  );
  expect(engaged).toEqual([]);
  const contactEvents = await sql<{ name: string }>(
    request,
    "select name from events where contact_id = $1 order by occurred_at",
    [message.contact_id],
  );
  expect(contactEvents.map((e) => e.name)).not.toContain("Email Opened");
  expect(contactEvents.map((e) => e.name)).not.toContain("Email Link Clicked");
  expect(contactEvents.map((e) => e.name)).not.toContain("Unsubscribed");
  await page.goto(`/w/demo/contacts/${message.contact_id}`);
  await expect(page.getByTestId("timeline")).toContainText("Email Delivered");
  await expect(page.getByTestId("timeline")).not.toContainText("Email Opened");
  expect(consoleErrors).toEqual([]);
});

test("the app answers /favicon.ico and links its icons (issue 14, item 11)", async ({ page }) => {
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toBe("image/x-icon");
  await page.goto("/w/demo/journeys");
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
});
