import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { sql, storageStateFor } from "./helpers";

/**
 * Item 7 of the canvas review: the journey funnel counts contacts (entered → each step → goal) and
 * the journey's messages have their own panel, each stage a rate of the one before: no more
 * "Messages sent 7 · 700 %".
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

test.use({ storageState: storageStateFor("analyst") });

test("the funnel counts contacts, and messages have their own panel with delivery and engagement rates", async ({
  page,
  request,
}) => {
  const [j] = await sql<{ id: string }>(
    request,
    "select j.id from journeys j join workspaces w on w.id = j.workspace_id and w.slug = 'demo' where j.name = 'Welcome journey'",
  );
  for (const width of [1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/w/demo/dashboards/journeys/${j!.id}`);
    const funnel = page.getByTestId("funnel-table");
    await expect(funnel.locator("tr").first()).toHaveAttribute("data-testid", "funnel-entered");
    await expect(funnel.locator("tr").last()).toHaveAttribute("data-testid", "funnel-goal");
    await expect(funnel).not.toContainText(/Messages sent|Delivered|Opened|Clicked/);
    const stage = async (key: string) => {
      const cells = page.getByTestId(`messages-${key}`).locator("td");
      return { n: count(await cells.nth(1).textContent()), rate: await cells.nth(2).textContent() };
    };
    const [sent, delivered, opened, clicked] = await Promise.all(
      ["sent", "delivered", "opened", "clicked"].map(stage),
    );
    expect(sent!.n).toBeGreaterThan(0);
    expect(sent!.rate).toBe("–");
    // Rounded as the page rounds (Intl, on the ratio): `toFixed` on a×100/b disagrees at ties
    // such as 95.55 %, which live demo counts do reach.
    const rate = new Intl.NumberFormat("en", {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const pct = (a: number, b: number) => rate.format(a / b);
    expect(delivered!.rate).toBe(`${pct(delivered!.n, sent!.n)} of sent`);
    expect(opened!.rate).toBe(`${pct(opened!.n, delivered!.n)} of delivered`);
    expect(clicked!.rate).toBe(`${pct(clicked!.n, opened!.n)} of opened`);
    await page.screenshot(shot(`journey-funnel-messages-${width}`));
  }

  // The journey select opens the chosen journey's dashboard for the same days, and "All
  // journeys" the list (the journey is the page here, not a filter on it).
  const [other] = await sql<{ id: string; name: string }>(
    request,
    "select j.id, j.name from journeys j join workspaces w on w.id = j.workspace_id and w.slug = 'demo' where j.id <> $1 order by j.name limit 1",
    [j!.id],
  );
  const filters = page.getByRole("search", { name: "Dashboard filters" });
  await filters.getByLabel("Date range").selectOption({ label: "Last 7 days" });
  await expect(page).toHaveURL(new RegExp(`/dashboards/journeys/${j!.id}\\?range=7d$`));
  await filters.getByLabel("Journey").selectOption({ label: other!.name });
  await expect(page).toHaveURL(new RegExp(`/dashboards/journeys/${other!.id}\\?range=7d$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Journey: ${other!.name}`);
  await expect(filters.getByLabel("Journey")).toHaveValue(other!.id);
  await filters.getByLabel("Journey").selectOption({ label: "All journeys" });
  await expect(page).toHaveURL(/\/dashboards\/journeys\?range=7d$/);
  await page.goto(`/w/demo/dashboards/journeys/${j!.id}`);

  // The messages panel's CSV is the panel.
  const href = await page.getByTestId("table-messages-csv").getAttribute("href");
  const csv = parse(await (await page.request.get(href!)).text(), { columns: true }) as Record<
    string,
    string
  >[];
  expect(csv.map((r) => [r.Stage, Number(r.Messages)])).toEqual(
    await page
      .getByTestId("messages-table")
      .locator("tr")
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const td = tr.querySelectorAll("td");
          return [td[0]!.textContent, Number(td[1]!.textContent!.replace(/[^\d]/g, ""))];
        }),
      ),
  );
});
