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
    // The refused launch left no draft behind: sending now under the same name works.
    await page.getByLabel("Now", { exact: true }).check();
    await page.getByRole("button", { name: "Save and send now" }).click();
    await expect(page).toHaveURL(/\/campaigns\/runs\/[0-9a-f-]{36}$/);
    const [n] = await sql<{ n: number }>(
      page.request,
      `select count(*)::int as n from campaigns where name = $1`,
      [`${name} past`],
    );
    expect(n!.n).toBe(1);
  });

  test("schedules a weekly campaign in the UI, shows its next run, and cancels it", async ({
    page,
  }) => {
    await page.goto("/w/demo/campaigns/new");
    await page.getByLabel("Name").fill(`${name} weekly`);
    await page.getByLabel("Audience").selectOption({ label: "Pro plan in Europe" });
    await page.getByLabel("Recurring", { exact: true }).check();
    await page.getByLabel("Repeat").selectOption("weekly");
    await page.getByLabel("Time of day").fill("09:30");
    await page.getByLabel("Mon", { exact: true }).uncheck();
    await page.getByLabel("Tue", { exact: true }).check();
    await page.getByLabel("Fri", { exact: true }).check();
    await page.getByLabel("Starting").fill("2031-01-01");
    await page.getByLabel("Until (optional)").fill("2031-03-31");
    await page.screenshot(shot("campaign-editor-recurring-1440"));
    await page.getByRole("button", { name: "Save and schedule" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Scheduled");
    await expect(page.getByTestId("campaign-schedule")).toContainText(
      "Every week on Tue, Fri at 09:30",
    );
    // 1 January 2031 is a Wednesday: the first run is Friday the 3rd at 09:30, workspace time.
    const [c] = await sql<{ next: string; tz: string; kind: string }>(
      page.request,
      `select to_char(c.next_run_at at time zone w.timezone, 'YYYY-MM-DD HH24:MI') as next, w.timezone as tz,
         c.schedule_kind::text as kind
       from campaigns c join workspaces w on w.id = c.workspace_id where c.name = $1`,
      [`${name} weekly`],
    );
    expect(c).toMatchObject({ next: "2031-01-03 09:30", kind: "recurring" });
    await expect(page.getByTestId("campaign-next-run")).toBeVisible();
    await page.screenshot(shot("campaign-page-recurring-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("campaign-page-recurring-1280"));
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Cancelled");
    await expect(page.getByTestId("campaign-next-run")).toHaveCount(0);
  });

  test("cancelling a running campaign settles its unsent deliveries as cancelled", async ({
    page,
  }) => {
    // One message a second, so the run is still sending when it is cancelled.
    const [tpl] = await sql<{ id: string; v: number; seg: string }>(
      page.request,
      `select t.id, t.published_version as v, s.id as seg from templates t join workspaces w on w.id = t.workspace_id
       join segments s on s.workspace_id = w.id and s.name = 'Pro plan in Europe'
       where w.slug = 'demo' and t.name = 'Pro upgrade email'`,
    );
    const res = await page.request.post("/api/w/demo/campaigns?launch=1", {
      data: {
        name: `${name} slow`,
        audience: { kind: "segment", segmentId: tpl!.seg },
        channel: "email",
        treatments: [{ label: "A", templateId: tpl!.id, templateVersion: tpl!.v, percent: 100 }],
        schedule: { kind: "now" },
        limits: { messagesPerSecond: 1 },
      },
    });
    expect(res.status()).toBe(201);
    const { campaign, run } = (await res.json()) as {
      campaign: { id: string };
      run: { id: string };
    };
    await page.goto(`/w/demo/campaigns/${campaign.id}`);
    await expect(page.getByTestId("campaign-state")).toHaveText("Running");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("campaign-state")).toHaveText("Cancelled");
    await page.goto(`/w/demo/campaigns/runs/${run.id}`);
    await expect(page.getByTestId("run-status")).toHaveText("Cancelled");
    const [counts] = await sql<{ queued: number; cancelled: number; pending: number }>(
      page.request,
      `select (select count(*)::int from campaign_deliveries where run_id = r.id and status = 'queued') as queued,
         (select count(*)::int from campaign_deliveries where run_id = r.id and status = 'cancelled') as cancelled,
         r.pending
       from campaign_runs r where r.id = $1`,
      [run.id],
    );
    expect(counts!.queued).toBe(0);
    expect(counts!.cancelled).toBeGreaterThan(0);
    await expect(page.getByTestId("count-cancelled")).toHaveText(
      counts!.cancelled.toLocaleString("en"),
    );
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
