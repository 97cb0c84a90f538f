import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { signedOut, storageStateFor } from "./helpers";
import { AREA_PAGES, MORE_PAGES, SETTINGS_PAGES, detailPages } from "./pages";

/**
 * WCAG 2.2 AA, checked by axe-core on every page for each role: a serious or critical violation
 * fails the test, naming the page, the rule and the elements. Moderate and minor findings are
 * kept in e2e/.artifacts/axe/<role>.json for a person to read.
 */
// .ci/run's PostgreSQL pass leaves these out (they ran on PGlite): axe judges the drawn pages.
const SAME = { tag: "@same-on-every-database" };
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const BLOCKING = new Set(["serious", "critical"]);

type TFinding = { page: string; rule: string; impact: string; help: string; targets: string[] };

async function scan(page: Page, label: string, findings: TFinding[]) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const v of result.violations)
    findings.push({
      page: label,
      rule: v.id,
      impact: v.impact ?? "unknown",
      help: `${v.help} (${v.helpUrl.split("?")[0]})`,
      targets: v.nodes.map((n) => {
        const why = n.failureSummary?.split("\n").slice(1, 2).join("").trim();
        return `${n.target.join(" ")}${why ? ` — ${why}` : ""}`;
      }),
    });
}

function report(role: string, findings: TFinding[]) {
  mkdirSync("e2e/.artifacts/axe", { recursive: true });
  writeFileSync(`e2e/.artifacts/axe/${role}.json`, JSON.stringify(findings, null, 2));
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  const text = blocking
    .map(
      (f) =>
        `${f.page}: [${f.impact}] ${f.rule}: ${f.help}\n` +
        f.targets
          .slice(0, 8)
          .map((t) => `    ${t}`)
          .join("\n") +
        (f.targets.length > 8 ? `\n    … and ${f.targets.length - 8} more` : ""),
    )
    .join("\n");
  expect(blocking.length, `serious or critical WCAG 2.2 AA violations:\n${text}`).toBe(0);
}

/**
 * Open a page and wait until it has drawn its heading (client components included). A page the
 * role may not open answers 404 (its not-found page is scanned once); false then.
 */
async function open(page: Page, path: string, allowNotFound = false) {
  const res = await page.goto(path);
  if (allowNotFound && res?.status() === 404) return false;
  expect(res?.status(), `${path} answered`).toBeLessThan(400);
  // Signed in: a lost session would scan the sign-in page instead.
  if (!path.startsWith("/sign-")) await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Charts and lists fetched on the client: wait until no loading placeholder remains.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return true;
}

test.describe("signed out", SAME, () => {
  test.use(signedOut);

  test("the sign-in and sign-up pages pass WCAG 2.2 AA", async ({ page }) => {
    const findings: TFinding[] = [];
    for (const p of ["/sign-in", "/sign-up"]) {
      await open(page, p);
      await scan(page, p, findings);
    }
    report("signed-out", findings);
  });
});

for (const role of ["admin", "marketer", "analyst"] as const) {
  test.describe(`as the ${role}`, SAME, () => {
    test.use({ storageState: storageStateFor(role), viewport: { width: 1280, height: 800 } });

    test("every page passes WCAG 2.2 AA", async ({ page, request }) => {
      // About 36 pages, each loaded and scanned once: 3–5 s a page quiet, over 8 s on a loaded
      // machine (the admin walks every settings tab too).
      test.setTimeout(600_000);
      const pages = [
        ...AREA_PAGES,
        ...MORE_PAGES,
        ...SETTINGS_PAGES,
        ...(await detailPages(request)),
      ];
      const findings: TFinding[] = [];
      const refused: string[] = [];
      for (const p of pages) {
        if (await open(page, `/w/demo/${p}`, role !== "admin")) await scan(page, p, findings);
        else if (refused.push(p) === 1) await scan(page, `${p} (not found)`, findings);
      }
      test.info().annotations.push({ type: "not for this role", description: refused.join(", ") });
      report(role, findings);
    });
  });
}

test.describe("screenshots of what the accessibility work changed", SAME, () => {
  test.use({ storageState: storageStateFor("marketer") });

  for (const width of [1440, 1280]) {
    test(`muted text, chart tables and the canvas's focus at ${width} px`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      const shot = (name: string) => ({
        path: `e2e/.artifacts/screenshots/a11y-${name}-${width}.png`,
      });
      await open(page, "/w/demo/dashboards");
      const table = page.getByTestId("chart-table").first();
      await table.locator("summary").press("Enter");
      await expect(table.locator("table")).toBeVisible();
      await table.scrollIntoViewIfNeeded();
      await page.screenshot(shot("dashboard-chart-table"));
      await open(page, "/w/demo/messages");
      await page.screenshot(shot("messages"));
      const [journey] = await detailPages(request);
      await open(page, `/w/demo/${journey}`);
      const step = page.locator(".react-flow__node").first();
      await expect(step).toBeVisible();
      // The focus ring as a keyboard user sees it: reached with Tab, not a click.
      for (let i = 0; i < 120 && !(await step.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press("Tab");
      await expect(step).toBeFocused();
      await page.screenshot(shot("canvas-focus"));
    });
  }
});
