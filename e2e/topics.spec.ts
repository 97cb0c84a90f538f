import { expect, test, type APIRequestContext } from "@playwright/test";
import { startSmtpSink, type TSmtpSink } from "../lib/channels/testing/smtp-sink";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";

/**
 * A contact opens the preference center from an email at the SMTP sink, leaves "Deals", and a
 * "Deals" campaign skips them (counted on the run page, the reason in the message log) while an
 * "Account alerts" message reaches them. The demo seed made the topics.
 */
const shots = "e2e/.artifacts/screenshots";
const run = Date.now().toString(36);
const email = `topics-${run}@example.com`;
const userId = `topics-${run}`;

let smtp: TSmtpSink;
let admin: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  smtp = await startSmtpSink();
  admin = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("admin"),
  });
  const res = await admin.put("/api/w/demo/channels/smtp", {
    data: {
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      from: "hello@acme.test",
      fromName: "Acme",
    },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test.afterAll(async () => {
  // Later specs expect the demo's email on the Outbox again.
  await admin?.delete("/api/w/demo/channels/smtp");
  await admin?.dispose();
  await smtp?.close();
});

test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

test("a contact leaves Deals in the preference center: a Deals campaign skips them, Account alerts reach them", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const identified = await request.post("/api/v1/identify", {
    data: { userId, traits: { email, firstName: "Tam", topicsRun: run } },
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });
  expect(identified.status(), await identified.text()).toBe(200);

  // Settings → Topics lists the demo's topics.
  await page.goto("/w/demo/settings/topics");
  await expect(page.getByRole("heading", { name: "Subscription topics" })).toBeVisible();
  await expect(page.getByTestId("topic-deals")).toContainText("Deals");
  await expect(page.getByTestId("topic-account-alerts")).toContainText("Account alerts");
  await page.screenshot({ path: `${shots}/settings-topics-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/settings-topics-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  const topics = Object.fromEntries(
    (
      await sql<{ key: string; id: string }>(
        page.request,
        "select t.key, t.id from topics t join workspaces w on w.id = t.workspace_id where w.slug = 'demo'",
      )
    ).map((r) => [r.key, r.id]),
  );
  const [template] = await sql<{ id: string }>(
    page.request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome email'",
  );
  const segment = await page.request.post("/api/w/demo/segments", {
    data: {
      name: `Topics ${run}`,
      definition: {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "attribute", key: "topicsRun", type: "string", op: "equals", value: run },
        ],
      },
    },
  });
  expect(segment.status(), await segment.text()).toBe(201);
  const segmentId = (await segment.json()).segment.id as string;
  const sendCampaign = async (name: string, topicKey: string) => {
    const res = await page.request.post("/api/w/demo/campaigns?launch=1", {
      data: {
        name,
        audience: { kind: "segment", segmentId },
        channel: "email",
        topicId: topics[topicKey],
        treatments: [{ label: "A", templateId: template!.id, templateVersion: 1, percent: 100 }],
        holdoutPercent: 0,
        schedule: { kind: "now" },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).run.id as string;
  };
  const deliveryStatus = async (runId: string) =>
    (
      await sql<{ status: string }>(
        page.request,
        "select status from campaign_deliveries where run_id = $1",
        [runId],
      )
    )[0]?.status;

  // A product newsletter reaches the contact at the SMTP server, with the preference link.
  const news = await sendCampaign(`Product news ${run}`, "product-news");
  await expect.poll(() => deliveryStatus(news), { timeout: 60_000 }).toBe("sent");
  const mail = await smtp.waitFor((m) => m.to.includes(email), 60_000);
  expect(mail.headers["list-unsubscribe"]).toMatch(/\/u\//);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const link = /href="([^"]*\/u\/p\/[A-Za-z0-9_-]{43,44})"/.exec(mail.html)?.[1];
  expect(link, "the footer links the preference center").toBeTruthy();

  // The contact opens it (no Waymark session), leaves Deals and saves.
  const contact = await page
    .context()
    .browser()!
    .newContext({
      baseURL: E2E_BASE_URL,
      viewport: { width: 1440, height: 900 },
      locale: "en-US",
    });
  try {
    const prefs = await contact.newPage();
    await prefs.goto(new URL(link!).pathname);
    await expect(prefs.getByRole("heading", { name: "Your email preferences" })).toBeVisible();
    await expect(prefs.getByText("Acme Demo", { exact: true })).toBeVisible();
    const deals = prefs.getByRole("checkbox", { name: /Deals/ });
    await expect(deals).toBeChecked();
    await expect(prefs.getByRole("button", { name: "Unsubscribe from everything" })).toBeVisible();
    await prefs.screenshot({ path: `${shots}/preference-center-1440.png`, fullPage: true });
    await prefs.setViewportSize({ width: 1280, height: 800 });
    await prefs.screenshot({ path: `${shots}/preference-center-1280.png`, fullPage: true });
    await deals.uncheck();
    await prefs.getByRole("button", { name: "Save preferences" }).click();
    await expect(prefs.getByRole("status")).toHaveText("Your preferences are saved.");
    await expect(prefs.getByRole("checkbox", { name: /Deals/ })).not.toBeChecked();
    await expect(prefs.getByRole("checkbox", { name: /Account alerts/ })).toBeChecked();
  } finally {
    await contact.close();
  }

  // A Deals campaign skips them, and says why.
  const dealsRun = await sendCampaign(`Deals ${run}`, "deals");
  await expect.poll(() => deliveryStatus(dealsRun), { timeout: 60_000 }).toBe("topic_opt_out");
  await page.goto(`/w/demo/campaigns/runs/${dealsRun}`);
  await expect(page.getByTestId("run-status")).toHaveText("Completed", { timeout: 60_000 });
  await expect(page.getByTestId("count-topic_opt_out")).toHaveText("1");
  await expect(page.getByText("Skipped: left the topic")).toBeVisible();
  await page.goto(`/w/demo/messages?q=${encodeURIComponent(email)}`);
  // The stored reason (`topic_opt_out: not subscribed to "Deals"`) read in the viewer's words.
  await expect(page.getByTestId("message-row").first()).toContainText(
    "not subscribed to the topic “Deals”",
  );

  // An Account alerts message reaches them.
  const before = smtp.mails.filter((m) => m.to.includes(email)).length;
  const alerts = await sendCampaign(`Account alerts ${run}`, "account-alerts");
  await expect.poll(() => deliveryStatus(alerts), { timeout: 60_000 }).toBe("sent");
  await expect
    .poll(() => smtp.mails.filter((m) => m.to.includes(email)).length, { timeout: 60_000 })
    .toBe(before + 1);

  // The profile shows where they stand.
  const [row] = await sql<{ id: string }>(
    page.request,
    "select c.id from contacts c join workspaces w on w.id = c.workspace_id where w.slug = 'demo' and c.external_id = $1",
    [userId],
  );
  await page.goto(`/w/demo/contacts/${row!.id}`);
  await expect(page.getByTestId("contact-topic-deals")).toContainText("Preference center");
  await expect(page.getByRole("switch", { name: "Receives “Deals”" })).not.toBeChecked();
  await page.screenshot({ path: `${shots}/contact-topics-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/contact-topics-1280.png`, fullPage: true });
});
