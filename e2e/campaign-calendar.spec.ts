import { expect, test } from "@playwright/test";
import { refreshRollupsNow, sql, storageStateFor } from "./helpers";

/**
 * An analyst opens the campaign calendar and the demo weekly newsletter's results across runs,
 * and both agree with the database: every seeded run on its day, the next occurrences where the
 * scheduler will start them, and each run's figures equal to counts over the raw rows.
 */
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

type TRun = { id: string; occurrence: number; day: string };

async function newsletter(request: Parameters<typeof sql>[0]) {
  const [c] = await sql<{ id: string; next_day: string; next_time: string; week_after: string }>(
    request,
    `select c.id, to_char(c.next_run_at at time zone w.timezone, 'YYYY-MM-DD') as next_day,
       to_char(c.next_run_at at time zone w.timezone, 'HH24:MI') as next_time,
       to_char((c.next_run_at at time zone w.timezone) + interval '7 days', 'YYYY-MM-DD') as week_after
     from campaigns c join workspaces w on w.id = c.workspace_id
     where w.slug = 'demo' and c.name = 'Weekly newsletter'`,
  );
  const runs = await sql<TRun>(
    request,
    `select r.id, r.occurrence, to_char(r.scheduled_for at time zone w.timezone, 'YYYY-MM-DD') as day
     from campaign_runs r join workspaces w on w.id = r.workspace_id
     where r.campaign_id = $1 order by r.occurrence`,
    [c!.id],
  );
  return { ...c!, runs };
}

test.describe("campaign calendar and results across runs, as an analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1440, height: 900 } });

  test("the calendar shows the newsletter's past runs and coming occurrences, and moves by keyboard", async ({
    page,
  }) => {
    const n = await newsletter(page.request);
    expect(n.runs.length).toBeGreaterThanOrEqual(5);

    await page.goto("/w/demo/campaigns");
    await page
      .getByRole("navigation", { name: "Campaigns view" })
      .getByRole("link", { name: "Calendar" })
      .click();
    await expect(page).toHaveURL(/\/w\/demo\/campaigns\/calendar$/);
    await expect(page.getByRole("heading", { level: 1, name: "Campaign calendar" })).toBeVisible();
    await page.screenshot(shot("campaign-calendar-1440"));

    // Every seeded run, on its day in the workspace's zone, linking to its run page.
    for (const run of n.runs) {
      await page.goto(`/w/demo/campaigns/calendar?view=month&date=${run.day}`);
      const entry = page
        .getByTestId("calendar-grid")
        .locator(`a[href$="/campaigns/runs/${run.id}"]`);
      await expect(entry).toHaveAttribute("data-kind", "past");
      await expect(entry).toHaveAttribute("data-day", run.day);
      await expect(entry).toContainText(`Weekly newsletter · run ${run.occurrence}`);
    }

    // The next occurrence and the one after, as the scheduler computes them, linking to the campaign.
    for (const day of [n.next_day, n.week_after]) {
      await page.goto(`/w/demo/campaigns/calendar?view=week&date=${day}`);
      const coming = page
        .getByTestId("calendar-grid")
        .locator(`a[data-kind="recurring"][href$="/campaigns/${n.id}"]`);
      await expect(coming).toHaveCount(1);
      await expect(coming).toHaveAttribute("data-day", day);
      await expect(coming).toContainText(`${n.next_time} Weekly newsletter`);
    }
    await page.screenshot(shot("campaign-calendar-week-1440"));

    // Arrow keys move between days: right a day, down a week.
    const dayLink = (d: string) => page.locator(`[data-calendar-day="${d}"]`);
    await page.goto(`/w/demo/campaigns/calendar?view=month&date=${n.next_day}`);
    const days = await page
      .locator("[data-calendar-day]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-calendar-day")!));
    await dayLink(days[0]!).focus();
    await page.keyboard.press("ArrowRight");
    await expect(dayLink(days[1]!)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(dayLink(days[8]!)).toBeFocused();
    await page.keyboard.press("End");
    await expect(dayLink(days.at(-1)!)).toBeFocused();

    // A phone: the grid gives way to the list of days, with the same sends.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect(page.getByTestId("calendar-grid")).toBeHidden();
    const list = page.getByTestId("calendar-list");
    await expect(list.locator(`a[data-kind="recurring"][data-day="${n.next_day}"]`)).toContainText(
      "Recurring (next occurrences)",
    );
    await page.screenshot(shot("campaign-calendar-390"));
  });

  test("the newsletter's results across runs equal counts over the raw rows", async ({ page }) => {
    await refreshRollupsNow();
    const n = await newsletter(page.request);
    const raw = await sql<{
      occurrence: number;
      audience: number;
      sent: number;
      opened: number;
      clicked: number;
      unsubscribed: number;
      conversions: number;
    }>(
      page.request,
      `select r.occurrence, r.audience_count as audience,
         (select count(*)::int from campaign_deliveries d where d.run_id = r.id and d.status = 'sent') as sent,
         ${["opened", "clicked", "unsubscribed"]
           .map(
             (type) => `(select count(*)::int from messages m where m.origin->>'runId' = r.id::text
               and exists (select 1 from message_events e where e.message_id = m.id and e.type = '${type}')) as ${type}`,
           )
           .join(",")},
         (select count(*)::int from campaign_deliveries d where d.run_id = r.id and d.treatment is not null
            and d.status not in ('cancelled', 'expired')
            and exists (select 1 from events e where e.workspace_id = r.workspace_id and e.contact_id = d.contact_id
              and e.name = 'Order Completed'
              and e.occurred_at >= coalesce(d.not_before, r.snapshot_at, r.scheduled_for)
              and e.occurred_at < coalesce(d.not_before, r.snapshot_at, r.scheduled_for) + interval '7 days')) as conversions
       from campaign_runs r where r.campaign_id = $1 order by r.occurrence`,
      [n.id],
    );
    expect(raw.length).toBe(n.runs.length);
    expect(raw.every((r) => r.sent > 0 && r.opened > 0)).toBe(true);

    await page.goto(`/w/demo/campaigns/${n.id}`);
    const table = page.getByTestId("across-runs-table");
    await expect(table).toBeVisible();
    const fmt = (x: number) => x.toLocaleString("en");
    const metrics = ["sent", "opened", "clicked", "unsubscribed", "conversions"] as const;
    for (const r of raw) {
      const row = table.getByTestId(`across-run-${r.occurrence}`);
      await expect(row.locator("td").nth(2)).toHaveText(fmt(r.audience));
      for (const m of metrics)
        await expect(row.locator(`[data-metric="${m}"]`)).toHaveText(fmt(r[m]));
    }
    const total = table.getByTestId("across-runs-total");
    for (const m of metrics)
      await expect(total.locator(`[data-metric="${m}"]`)).toHaveText(
        fmt(raw.reduce((s, r) => s + r[m], 0)),
      );
    // Its single treatment, every run added up.
    await expect(page.getByTestId("treatment-A").getByTestId("sent")).toHaveText(
      fmt(raw.reduce((s, r) => s + r.sent, 0)),
    );
    await page.screenshot(shot("campaign-across-runs-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("campaign-across-runs-1280"));
  });
});
