import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signedOut, sql, storageStateFor, uniqueEmail } from "./helpers";

// Contacts come in through the public API, as a customer's app would send them. The demo
// workspace may hold other contacts too, so every lookup is narrowed by this run's own tag.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const ada = { userId: `ct-${run}-ada`, email: `ada.${run}@example.com` };
const bob = { userId: `ct-${run}-bob`, email: `bob.${run}@example.com` };
const cy = { userId: `ct-${run}-cy`, email: `cy.${run}@example.com` };
const shot = (name: string) => ({
  path: `e2e/.artifacts/screenshots/contacts-${name}.png`,
  fullPage: true,
});
let apiKey = "";

async function send(request: APIRequestContext, call: string, data: unknown) {
  const res = await request.post(`/api/v1/${call}`, {
    headers: { authorization: `Bearer ${apiKey}` },
    data,
  });
  expect(res.status(), await res.text()).toBe(200);
}

async function search(page: Page, q: string) {
  await page.getByRole("searchbox", { name: "Search contacts" }).fill(q);
  await page.getByRole("searchbox", { name: "Search contacts" }).press("Enter");
  await expect(page).toHaveURL(
    new RegExp(`[?&]q=${encodeURIComponent(q).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
}

const rows = (page: Page) => page.getByTestId("contact-row");

test.beforeAll(async ({ browser, request }) => {
  // As a customer would: an admin creates a key in Settings, and their app's script uses it.
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await admin.newPage();
  await page.goto("/w/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name").fill(`Contacts e2e ${run}`);
  await page.getByRole("button", { name: "Create key" }).click();
  apiKey = await page.getByLabel("API key", { exact: true }).inputValue();
  await admin.close();

  await send(request, "identify", {
    ...ada,
    phone: "+33612345678",
    country: "FR",
    city: "Paris",
    timezone: "Europe/Paris",
    locale: "fr-FR",
    traits: { plan: "pro", seats: 5, tier: `gold-${run}`, tags: ["vip"] },
  });
  await send(request, "identify", { ...bob, traits: { plan: "free", tier: `silver-${run}` } });
  await send(request, "identify", {
    ...cy,
    anonymousId: `anon-${run}`,
    traits: { tier: `gold-${run}` },
    pushTokens: [{ token: `fcm-token-${run}-0123456789`, platform: "android" }],
  });
  await send(request, "track", {
    userId: ada.userId,
    event: "Order Completed",
    properties: { total: 42.5, currency: "EUR" },
  });
  await send(request, "page", {
    userId: ada.userId,
    name: "Pricing",
    properties: { path: "/pricing" },
  });
  // 55 more, to page through. One batch is one transaction: they share a created_at, so the
  // pages are ordered by id within it, which the keyset must handle too.
  const batch = Array.from({ length: 55 }, (_, i) => ({
    type: "identify",
    userId: `ct-${run}-bulk-${String(i).padStart(2, "0")}`,
    traits: { cohort: `bulk-${run}` },
  }));
  await send(request, "batch", { batch });
});

test.describe("as the marketer", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1280, height: 900 } });

  test("finds contacts by email prefix, by attribute and with filters, and pages through them", async ({
    page,
  }) => {
    await page.goto("/w/demo/contacts");
    await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Import CSV" })).toHaveAttribute(
      "href",
      "/w/demo/contacts/imports/new",
    );
    await page.screenshot(shot("list"));
    await page.getByLabel("Has email").check();
    await expect(page).toHaveURL(/has=email/);
    await expect(rows(page).filter({ hasText: ada.userId })).toHaveCount(1);
    await page.screenshot(shot("list-with-email"));
    await page.getByLabel("Has email").uncheck();
    await expect(page).not.toHaveURL(/has=email/);

    await search(page, `ada.${run}`);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(ada.userId);
    await expect(rows(page).first()).toContainText("+33612345678");
    await expect(page.getByTestId("contacts-total")).toContainText("1 contact matches");

    await search(page, `tier:gold-${run}`);
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText(cy.userId);
    await expect(rows(page).nth(1)).toContainText(ada.userId);
    await page.getByLabel("Has phone").check();
    await expect(page).toHaveURL(/has=phone/);
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel("Has phone").uncheck();
    await expect(page).not.toHaveURL(/has=phone/);
    await expect(rows(page)).toHaveCount(2);
    await page.getByLabel("Has push token").check();
    await expect(page).toHaveURL(/has=push/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(cy.userId);
    await page.screenshot(shot("search"));

    // A shared link opens the same view.
    const shared = page.url();
    await page.goto(shared);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByLabel("Has push token")).toBeChecked();

    await page.getByRole("button", { name: "Clear search and filters" }).click();
    await expect(page).toHaveURL(/\/w\/demo\/contacts$/);
    await search(page, `cohort:bulk-${run}`);
    await expect(page.getByTestId("contacts-total")).toContainText("55 contacts match");
    await expect(rows(page)).toHaveCount(50);
    const firstPage = await rows(page).locator("td:first-child").allTextContents();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(rows(page)).toHaveCount(5);
    const secondPage = await rows(page).locator("td:first-child").allTextContents();
    expect(new Set([...firstPage, ...secondPage]).size).toBe(55);
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect(rows(page)).toHaveCount(50);
    expect(await rows(page).locator("td:first-child").allTextContents()).toEqual(firstPage);
    await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();

    await search(page, `nobody-${run}`);
    await expect(page.getByText("No contacts match.")).toBeVisible();
  });

  test("opens a profile, sees the timeline, edits an attribute and opts out of SMS", async ({
    page,
    request,
  }) => {
    await page.goto(`/w/demo/contacts?q=${ada.email}`);
    await rows(page).first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: ada.userId })).toBeVisible();
    const contactId = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(page.getByTestId("contact-summary")).toContainText("Paris, FR");
    await expect(page.getByTestId("contact-summary")).toContainText("Europe/Paris");
    await expect(page.getByTestId("attribute-plan")).toContainText("pro");
    await expect(page.getByTestId("attribute-tags")).toContainText("list");

    const timeline = page.getByTestId("timeline");
    // Ada is a new pro customer in France: the demo's "Pro welcome (Europe)" journey emails her, and
    // those message events join her timeline whenever they land. What she did comes in order.
    const ownEvents = timeline.getByTestId("timeline-event").filter({ hasNotText: /^Email / });
    await expect(ownEvents.nth(0)).toContainText("Viewed a page");
    await expect(ownEvents.nth(1)).toContainText("Order Completed");
    await expect(ownEvents.nth(2)).toContainText("Profile updated by the API");
    await timeline.getByText("Order Completed", { exact: true }).click();
    await expect(timeline.getByText('"currency": "EUR"')).toBeVisible();
    await page.screenshot(shot("profile"));

    // Edit an attribute.
    await page.getByRole("button", { name: "Edit plan" }).click();
    await page.getByLabel("Value").fill("enterprise");
    await page.getByRole("button", { name: "Save attribute" }).click();
    await expect(page.getByTestId("attribute-plan")).toContainText("enterprise");

    // Add one, typed, after a refused name.
    await page.getByRole("button", { name: "Add attribute" }).click();
    await page.getByLabel("Name").fill("$renews");
    await page.getByLabel("Type").selectOption("date");
    await page.getByLabel("Value").fill("2027-01-31");
    await page.getByRole("button", { name: "Save attribute" }).click();
    await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(
      "attribute names cannot start with $",
    );
    await page.getByLabel("Name").fill("renewsOn");
    await page.getByRole("button", { name: "Save attribute" }).click();
    await expect(page.getByTestId("attribute-renewsOn")).toContainText("2027-01-31");
    await expect(page.getByTestId("attribute-renewsOn")).toContainText("date");

    // Opt out of SMS.
    const sms = page.getByRole("switch", { name: "SMS subscription" });
    await expect(sms).toBeChecked();
    await sms.click();
    await expect(page.getByTestId("channel-sms")).toContainText("opted out");
    await expect(page.getByTestId("channel-sms")).toContainText("Opted out via Waymark UI");
    await expect(sms).not.toBeChecked();
    await expect(ownEvents.first()).toContainText("Opted out of SMS");
    await expect(timeline.getByText("Attributes edited")).toHaveCount(2);
    await page.screenshot(shot("profile-edited"));

    const [sub] = await sql<{ status: string; source: string }>(
      request,
      "select status, source from channel_subscriptions where contact_id = $1 and channel = 'sms'",
      [contactId],
    );
    expect(sub).toEqual({ status: "unsubscribed", source: "ui" });
    const [contact] = await sql<{ plan: string; renews: string }>(
      request,
      "select attributes->>'plan' as plan, attributes->>'renewsOn' as renews from contacts where id = $1",
      [contactId],
    );
    expect(contact).toEqual({ plan: "enterprise", renews: "2027-01-31" });
    const changes = await sql<{ name: string; by: string; message_id: string }>(
      request,
      "select name, properties->'changedBy'->>'email' as by, message_id from events where contact_id = $1 and name like '$%changed' order by id",
      [contactId],
    );
    expect(changes.map((c) => [c.name, c.by])).toEqual([
      ["$attributes_changed", "marketer@demo.waymark.dev"],
      ["$attributes_changed", "marketer@demo.waymark.dev"],
      ["$subscription_changed", "marketer@demo.waymark.dev"],
    ]);
    expect(changes.every((c) => c.message_id.startsWith("ui-"))).toBe(true);
  });

  test("another workspace's contact, an unknown id and a malformed one are all 404", async ({
    page,
    request,
  }) => {
    const [ws] = await sql<{ id: string }>(
      request,
      "insert into workspaces (slug, name) values ($1, 'Contacts elsewhere') returning id",
      [`ct-${run}`],
    );
    const [theirs] = await sql<{ id: string }>(
      request,
      "insert into contacts (workspace_id, external_id) values ($1, 'theirs') returning id",
      [ws!.id],
    );
    for (const id of [theirs!.id, crypto.randomUUID(), "not-a-uuid"]) {
      await page.goto(`/w/demo/contacts/${id}`);
      await expect(page.getByRole("heading", { name: "Nothing here" }), id).toBeVisible();
    }
    const res = await page.request.put(`/api/w/demo/contacts/${theirs!.id}/subscriptions`, {
      data: { channel: "all", status: "unsubscribed" },
    });
    expect(res.status()).toBe(404);
  });
});

test("a workspace without contacts says how to send or import them", async ({ browser }) => {
  const context = await browser.newContext({
    ...signedOut,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Nia Newcomer");
  await page.getByLabel("Work email").fill(uniqueEmail("contacts-empty"));
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByLabel("Company or workspace name").fill(`Empty ${run}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[\w-]+\/journeys$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/w/${slug}/contacts`);
  await expect(page.getByRole("heading", { name: "No contacts yet" })).toBeVisible();
  await expect(page.getByText(`${new URL(page.url()).origin}/api/v1/identify`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings → API keys" })).toHaveAttribute(
    "href",
    `/w/${slug}/settings/api-keys`,
  );
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveAttribute(
    "href",
    `/w/${slug}/contacts/imports/new`,
  );
  await page.screenshot(shot("empty"));
  await context.close();
});

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1280, height: 900 } });

  test("reads the list and a profile, with no edit controls", async ({ page }) => {
    await page.goto(`/w/demo/contacts?q=${cy.email}`);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
    await rows(page).first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: cy.userId })).toBeVisible();
    await expect(page.getByTestId("attribute-tier")).toContainText(`gold-${run}`);
    await expect(page.getByText(`anon-${run}`)).toBeVisible();
    await expect(page.getByTestId("channel-push")).toContainText("reachable");
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    await expect(page.getByRole("switch")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Add attribute|Edit|Remove/ })).toHaveCount(0);
    await page.screenshot(shot("profile-analyst"));
  });
});
