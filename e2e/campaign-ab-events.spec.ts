import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";

/**
 * The marketer flows issue 15 added last: an A/B campaign with a holdout and a conversion goal,
 * test-sent from the editor before launch; an event-triggered campaign that sends when a contact
 * performs an event whose property passes the filter; and an admin's workspace default limits,
 * which the next run copies. Screenshots at 1440 and 1280 px go to test-results/screenshots/.
 */
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const tag = Date.now().toString(36);

test.describe("A/B and event-triggered campaigns as a marketer", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

  test("test-sends two treatments, launches the A/B test and sees results per treatment and against the holdout", async ({
    page,
  }) => {
    await page.goto("/w/demo/campaigns/new");
    await page.getByLabel("Name").fill(`Subject test ${tag}`);
    await page.getByLabel("Audience").selectOption({ label: "Pro plan in Europe" });
    await page.getByLabel("Treatment A template").selectOption({ label: "Pro upgrade email (v1)" });
    await page.getByRole("button", { name: "Add treatment" }).click();
    await page.getByLabel("Treatment B template").selectOption({ label: "Welcome email (v1)" });
    await expect(page.getByText("Shares sum to 100%")).toBeVisible();
    await page.getByLabel("Treatment A percent").fill("70");
    await page.getByLabel("Treatment B percent").fill("30");
    await page.getByLabel("Holdout %").fill("10");
    await page.getByLabel("Conversion event (optional)").fill("Order Completed");

    // A test send of both treatments to a teammate's address, before anything is saved.
    await page.getByLabel("Send to").fill(`qa-${tag}@example.com`);
    await page.getByRole("button", { name: "Send test" }).click();
    const results = page.getByTestId("test-send-results");
    await expect(results).toContainText(`A → qa-${tag}@example.com: delivered`);
    await expect(results).toContainText(`B → qa-${tag}@example.com: delivered`);
    const [tests] = await sql<{ n: number; tracked: number }>(
      page.request,
      `select count(*)::int as n, (count(*) filter (where content::text like '%/t/o/%'))::int as tracked
       from messages where recipient = $1 and is_test`,
      [`qa-${tag}@example.com`],
    );
    expect(tests).toEqual({ n: 2, tracked: 0 });
    await page.screenshot(shot("campaign-ab-editor-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("campaign-ab-editor-1280"));

    await page.getByRole("button", { name: "Save and send now" }).click();
    await expect(page).toHaveURL(/\/campaigns\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("run-status")).toHaveText("Completed", { timeout: 60_000 });
    await page.reload();
    const runId = page.url().split("/").pop()!;
    // Per treatment, the page's figures equal counts over the raw rows; the holdout got nothing.
    const groups = await sql<{ treatment: number | null; sent: number; messages: number }>(
      page.request,
      `select d.treatment, (count(*) filter (where d.status = 'sent'))::int as sent,
         (select count(*)::int from messages m where m.origin->>'runId' = $1
            and (m.origin->>'treatment')::int is not distinct from d.treatment) as messages
       from campaign_deliveries d where d.run_id = $1 group by d.treatment order by d.treatment nulls last`,
      [runId],
    );
    // The audience is nine contacts, and each falls into A, B or the holdout by a stable hash of
    // the campaign and the contact: with a new campaign every run, a group of 10 % or 30 % is
    // sometimes empty. Every contact is in exactly one group, and each group is checked as it fell.
    expect(groups.map((g) => g.treatment).filter((t) => t !== null)).toContain(0);
    const holdout = groups.find((g) => g.treatment === null);
    if (holdout) expect(holdout).toMatchObject({ sent: 0, messages: 0 });
    for (const g of groups.filter((x) => x.treatment !== null)) {
      const label = ["A", "B"][g.treatment!]!;
      expect(g.messages).toBe(g.sent);
      await expect(page.getByTestId(`treatment-${label}`).getByTestId("sent")).toHaveText(
        g.sent.toLocaleString("en"),
      );
    }
    if (holdout) {
      await expect(page.getByTestId("conversion-Holdout")).toContainText("control");
      await expect(page.getByTestId("conversion-A").getByTestId("uplift")).not.toHaveText("");
    } else {
      await expect(page.getByTestId("conversion-results")).toBeVisible();
      await expect(page.getByText("This run has no holdout")).toBeVisible();
    }
    await page.screenshot(shot("campaign-ab-results-1280"));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot(shot("campaign-ab-results-1440"));
  });

  test("an event-triggered campaign sends to the contact whose event passes the filter, once", async ({
    page,
  }) => {
    const event = `Wishlisted ${tag}`;
    await page.goto("/w/demo/campaigns/new");
    await page.getByLabel("Name").fill(`Wishlist follow-up ${tag}`);
    await page.getByLabel("Audience").selectOption({ label: "Everyone" });
    await page.getByLabel("Treatment A template").selectOption({ label: "Pro upgrade email (v1)" });
    await page.getByLabel("When an event happens").check();
    await page.getByLabel("Event", { exact: true }).fill(event);
    await page.getByLabel("Event property").fill("price");
    await page.getByLabel("Operator").selectOption({ label: "≥" });
    await page.getByLabel("Property value").fill("50");
    await page.screenshot(shot("campaign-event-editor-1440"));
    await page.getByRole("button", { name: "Save and start" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Running");
    await expect(page.getByTestId("campaign-schedule")).toContainText(
      `"${event}" where price gte 50`,
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("campaign-event-page-1280"));

    // Two reachable demo contacts: one adds something worth 80 (twice), the other something worth 10.
    const people = await sql<{ user_id: string; id: string }>(
      page.request,
      `select c.external_id as user_id, c.id from contacts c join workspaces w on w.id = c.workspace_id
       where w.slug = 'demo' and c.email is not null and c.external_id is not null
         and not exists (select 1 from channel_subscriptions s where s.contact_id = c.id and s.channel = 'email')
         and not exists (select 1 from messages m where m.contact_id = c.id and m.status = 'bounced')
       order by c.external_id limit 2`,
    );
    const track = (userId: string, price: number) =>
      page.request.post("/api/v1/track", {
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
        data: { userId, event, properties: { price } },
      });
    expect((await track(people[0]!.user_id, 80)).ok()).toBe(true);
    expect((await track(people[1]!.user_id, 10)).ok()).toBe(true);
    const sentTo = async () =>
      (
        await sql<{ contact_id: string; status: string }>(
          page.request,
          `select d.contact_id, d.status from campaign_deliveries d join campaign_runs r on r.id = d.run_id
           join campaigns c on c.id = r.campaign_id where c.name = $1`,
          [`Wishlist follow-up ${tag}`],
        )
      ).map((d) => `${d.contact_id}:${d.status}`);
    await expect.poll(sentTo, { timeout: 20_000 }).toEqual([`${people[0]!.id}:sent`]);
    expect((await track(people[0]!.user_id, 90)).ok()).toBe(true);
    const [messages] = await sql<{ n: number }>(
      page.request,
      `select count(*)::int as n from messages m join campaigns c on c.id = (m.origin->>'campaignId')::uuid
       where c.name = $1`,
      [`Wishlist follow-up ${tag}`],
    );
    expect(messages!.n).toBe(1);
    // Cancelled, so it stops listening for the specs after this one.
    await page.reload();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Cancelled");
  });
});

test.describe("workspace campaign limits as an admin", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });
  test.afterAll(async ({ request }) => {
    await sql(
      request,
      `delete from workspace_campaign_defaults where workspace_id = (select id from workspaces where slug = 'demo')`,
    );
  });

  test("sets default limits in Settings → Campaigns, kept after a reload, and refuses a bad one by name", async ({
    page,
  }) => {
    await page.goto("/w/demo/settings/campaigns");
    await expect(page.getByRole("heading", { name: "Campaign limits" })).toBeVisible();
    await page.getByLabel("Messages per second, per campaign").fill("5000");
    await page.getByLabel("Maximum run duration (minutes)").fill("600");
    await page.getByLabel("Messages per contact from one campaign").fill("0");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Too small: expected number to be >=1")).toBeVisible();
    await page.getByLabel("Messages per contact from one campaign").fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved");
    await page.reload();
    await expect(page.getByLabel("Messages per second, per campaign")).toHaveValue("5000");
    const [row] = await sql<{ limits: unknown }>(
      page.request,
      `select limits from workspace_campaign_defaults where workspace_id = (select id from workspaces where slug = 'demo')`,
    );
    expect(row!.limits).toEqual({ messagesPerSecond: 5000, maxDurationMinutes: 600 });
    await page.screenshot(shot("settings-campaigns-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("settings-campaigns-1280"));
  });
});
