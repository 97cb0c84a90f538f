import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * A marketer sends a campaign to a demo segment from the editor, watches the run page's progress
 * bar reach "Completed", and every sent delivery has its message in the outbox (the messages log),
 * with the campaign as its origin. Screenshots at 1440 and 1280 px go to test-results/.
 */
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const name = `Spring sale ${Date.now().toString(36)}`;

test.describe("campaigns as a marketer", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

  test("the demo's completed campaign is listed with its state", async ({ page }) => {
    await page.goto("/w/demo/campaigns");
    await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
    const row = page.getByTestId("campaign-Pro upgrade newsletter");
    await expect(row).toContainText("Completed");
    await expect(row).toContainText("Pro plan in Europe");
    await page.screenshot(shot("campaigns-list-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("campaigns-list-1280"));
  });

  test("creates a campaign to a segment, launches it and sees it complete", async ({ page }) => {
    await page.goto("/w/demo/campaigns");
    await page.getByRole("link", { name: "New campaign" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Audience").selectOption({ label: "Pro plan in Europe" });
    await page.getByLabel("Channel").selectOption("email");
    await page.getByLabel("Template").selectOption({ label: "Pro upgrade email (v1)" });
    await page.getByLabel("Holdout %").fill("10");
    // The live count, as the server counts the same segment.
    const [members] = await sql<{ n: number }>(
      page.request,
      `select count(*)::int as n from contacts c join workspaces w on w.id = c.workspace_id
       where w.slug = 'demo' and c.attributes->>'plan' = 'pro' and c.country in ('FR', 'DE')`,
    );
    await expect(page.getByTestId("audience-total")).toHaveText(members!.n.toLocaleString("en"));
    await page.screenshot(shot("campaign-editor-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("campaign-editor-1280"));

    await page.getByRole("button", { name: "Save and send now" }).click();
    await expect(page).toHaveURL(/\/campaigns\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("run-status")).toHaveText("Completed", { timeout: 60_000 });
    await expect(page.getByRole("progressbar", { name: "Delivery progress" })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
    await page.screenshot(shot("campaign-run-1280"));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot(shot("campaign-run-1440"));

    const runId = page.url().split("/").pop()!;
    const [counts] = await sql<{
      audience: number;
      sent: number;
      holdout: number;
      messages: number;
      outbox: number;
    }>(
      page.request,
      `select r.audience_count as audience,
         (select count(*)::int from campaign_deliveries where run_id = r.id and status = 'sent') as sent,
         (select count(*)::int from campaign_deliveries where run_id = r.id and status = 'holdout') as holdout,
         (select count(*)::int from messages where origin->>'runId' = r.id::text) as messages,
         (select count(*)::int from messages where origin->>'runId' = r.id::text and provider = 'outbox' and status = 'delivered') as outbox
       from campaign_runs r where r.id = $1`,
      [runId],
    );
    expect(counts!.audience).toBe(members!.n);
    expect(counts!.sent).toBeGreaterThan(0);
    expect(counts!.messages).toBe(counts!.sent);
    expect(counts!.outbox).toBe(counts!.sent);
    await expect(page.getByTestId("count-sent")).toHaveText(counts!.sent.toLocaleString("en"));
    await expect(page.getByTestId("count-holdout")).toHaveText(
      counts!.holdout.toLocaleString("en"),
    );

    // The campaign page shows it completed, with the run; the list too.
    await page.getByRole("link", { name: "Back to the campaign" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Completed");
    await expect(page.getByRole("link", { name: "Run 1" })).toBeVisible();
    await page.screenshot(shot("campaign-page-1440"));
    await page.goto("/w/demo/campaigns");
    await expect(page.getByTestId(`campaign-${name}`)).toContainText("Completed");
  });

  test("refuses a send time in the past with the field named", async ({ page }) => {
    await page.goto("/w/demo/campaigns/new");
    await page.getByLabel("Name").fill(`${name} past`);
    await page.getByLabel("At", { exact: true }).check();
    await page.getByLabel("Send at").fill("2020-01-01T09:00");
    await page.getByRole("button", { name: "Save and schedule" }).click();
    // Next's route announcer is an alert too: pick the field's error line.
    await expect(
      page.getByRole("alert").filter({ hasText: "Choose a time in the future" }),
    ).toBeVisible();
  });
});

test.describe("campaigns as an analyst", () => {
  test.use({ storageState: storageStateFor("analyst") });

  test("sees campaigns and runs but no edit control", async ({ page }) => {
    await page.goto("/w/demo/campaigns");
    await expect(page.getByTestId("campaign-Pro upgrade newsletter")).toBeVisible();
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    await page.getByRole("link", { name: "Pro upgrade newsletter" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Completed");
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
  });
});
