import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { storageStateFor } from "./helpers";

const shot = (name: string) => ({
  path: `e2e/.artifacts/screenshots/dashboards-${name}.png`,
  fullPage: true,
});
const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

async function download(page: Page, testId: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(testId).click(),
  ]);
  return parse(readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<
    string,
    string
  >[];
}

/** The funnel table under the chart: the same rows the bars draw. */
async function funnelRows(page: Page) {
  const rows = page.getByTestId("funnel-table").locator("tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
  );
}

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1360, height: 900 } });

  test("reads the overview, the seeded journey's funnel and A/B result for two ranges, exports CSV that matches, and changes nothing", async ({
    page,
  }) => {
    // Eight dashboard pages and their CSVs: 46 s on PGlite when quiet.
    test.setTimeout(150_000);
    await page.goto("/w/demo/dashboards");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboards" })).toBeVisible();
    await expect(page.getByTestId("kpi-sent")).toBeVisible();
    expect(
      count(await page.getByTestId("kpi-sent").locator("dd").first().textContent()),
    ).toBeGreaterThan(1000);
    await expect(page.getByTestId("chart-daily").locator(".recharts-line").first()).toBeVisible();
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    await page.screenshot(shot("overview"));
    // Bounces and complaints per sending domain, from the demo's mail, and the history the demo
    // brought from Pinpoint, marked as imported.
    const domains = page.getByTestId("sender-domains");
    await expect(domains.getByTestId("sending-domain-mail.acme.example")).toBeVisible();
    await expect(page.getByTestId("chart-imported-history")).toContainText("Imported");
    await domains.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot(shot("overview-1280"));
    await page.setViewportSize({ width: 1360, height: 900 });

    await page
      .getByRole("navigation", { name: "Dashboards" })
      .getByRole("link", { name: "Journeys" })
      .click();
    await page.getByRole("link", { name: "Welcome journey" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome journey");
    const entered30 = count(
      await page.getByTestId("funnel-entered").locator("td").nth(1).textContent(),
    );
    const variantA = page.getByTestId("group-split-A");
    const a30 = count(await variantA.locator("td").nth(1).textContent());
    expect(entered30).toBeGreaterThan(1000);
    expect(a30).toBeGreaterThan(100);
    await expect(page.getByText("two-proportion z-test")).toBeVisible();
    await expect(page.getByTestId("group-split-B")).toContainText(/Significant|Not significant/);
    await page.screenshot(shot("journey-30d"));

    // The CSV of the funnel is exactly the funnel drawn.
    const funnel30 = await download(page, "chart-funnel-csv");
    const table30 = await funnelRows(page);
    expect(funnel30.map((r) => [r.Step, Number(r.Count)])).toEqual(
      table30.map((cells) => [cells[0], count(cells[1] ?? "")]),
    );
    const experiments30 = await download(page, "table-experiments-csv");
    expect(
      experiments30.find((r) => r.Group === "Variant A" && (r.Experiment ?? "").includes("split"))
        ?.Entries,
    ).toBe(String(a30));

    await page.getByLabel("Date range").selectOption("7d");
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect
      .poll(async () =>
        count(await page.getByTestId("funnel-entered").locator("td").nth(1).textContent()),
      )
      .toBeLessThan(entered30);
    const a7 = count(await variantA.locator("td").nth(1).textContent());
    expect(a7).toBeLessThan(a30);
    await page.screenshot(shot("journey-7d"));
    const funnel7 = await download(page, "chart-funnel-csv");
    expect(funnel7.map((r) => [r.Step, Number(r.Count)])).toEqual(
      (await funnelRows(page)).map((cells) => [cells[0], count(cells[1] ?? "")]),
    );
    expect(Number(funnel7[0]?.Count)).toBeLessThan(Number(funnel30[0]?.Count));

    // A shared link opens the same view.
    await page.goto(page.url());
    await expect(page.getByLabel("Date range")).toHaveValue("7d");
    await expect(page.locator("[data-mutates]")).toHaveCount(0);

    await page
      .getByRole("navigation", { name: "Dashboards" })
      .getByRole("link", { name: "Templates & channels" })
      .click();
    await expect(page.getByTestId("table-templates")).toContainText("Welcome email");
    await page.screenshot(shot("templates"));

    await page
      .getByRole("navigation", { name: "Dashboards" })
      .getByRole("link", { name: "Segments" })
      .click();
    await page.getByLabel("Date range").selectOption("30d");
    await expect(
      page.getByTestId("chart-segments").locator(".recharts-line").first(),
    ).toBeVisible();
    await expect(page.getByTestId("table-segments")).toContainText("Pro plan in Europe");
    await page.screenshot(shot("segments"));
  });
});
