import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, signIn, sql, storageStateFor } from "./helpers";
import { englishLeftovers, visibleTexts } from "./i18n-texts";

/**
 * A marketer switches the UI to Vietnamese, then Chinese, from the user menu: every main page is
 * in that language (no visible text equals an English catalogue message whose translation
 * differs), the choice is stored on the account and survives a reload and a new sign-in.
 */
const marketer = DEMO_USERS.find((u) => u.role === "marketer")!;
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

const PAGES = [
  "journeys",
  "campaigns",
  "contacts",
  "segments",
  "templates",
  "messages",
  "dashboards",
  "dashboards/journeys",
  "dashboards/segments",
  "dashboards/templates",
  "settings",
] as const;

const MAIN_NAV: Record<string, string> = { vi: "Điều hướng chính", "zh-CN": "主导航" };
const mainNav = (page: Page, locale: string) =>
  page.getByRole("navigation", { name: MAIN_NAV[locale] });

async function expectAllIn(page: Page, locale: string, nav: string, shots: boolean) {
  const leftovers = englishLeftovers(locale);
  const [welcome] = await sql<{ id: string }>(
    page.request,
    `select j.id from journeys j join workspaces w on w.id = j.workspace_id
      where w.slug = 'demo' and j.status = 'live' order by j.created_at limit 1`,
  );
  const paths = [...PAGES.map((p) => `/w/demo/${p}`), `/w/demo/journeys/${welcome!.id}`];
  for (const p of paths) {
    await page.goto(p);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(mainNav(page, locale).getByRole("link", { name: nav })).toBeVisible();
    if (p.includes("/journeys/")) await expect(page.getByTestId("palette")).toBeVisible();
    const english = (await visibleTexts(page)).filter((t) => leftovers.has(t));
    expect(english, `English left on ${p} in ${locale}`).toEqual([]);
  }
  if (!shots) return;
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const p of ["journeys", "contacts", "dashboards", "templates"]) {
      await page.goto(`/w/demo/${p}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.screenshot(shot(`i18n-${locale}-${p}-${width}`));
    }
    await page.goto(`/w/demo/journeys/${welcome!.id}`);
    await expect(page.getByTestId("palette")).toBeVisible();
    await page.screenshot({
      path: `e2e/.artifacts/screenshots/i18n-${locale}-canvas-${width}.png`,
    });
  }
}

async function chooseLanguage(page: Page, locale: string) {
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/api/account/locale") && r.request().method() === "PUT",
  );
  await page.getByTestId("language-select").selectOption(locale);
  expect((await saved).status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

const storedLocale = async (page: Page) =>
  (
    await sql<{ locale: string | null }>(
      page.request,
      "select locale from users where email = $1",
      [marketer.email],
    )
  )[0]!.locale;

test.describe("localisation", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

  // The marketer's account is shared with other specs: it goes back to following the browser.
  test.afterAll(async ({ request }) => {
    await sql(request, "update users set locale = null where email = $1", [marketer.email]);
  });

  test("a marketer works in Vietnamese, then Chinese, and the choice stays with the account", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    await page.goto("/w/demo/journeys");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await chooseLanguage(page, "vi");
    await expect(page.getByRole("heading", { level: 1, name: "Hành trình" })).toBeVisible();
    expect(await storedLocale(page)).toBe("vi");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expectAllIn(page, "vi", "Hành trình", true);

    // A new browser with no cookie: signing in brings the account's language back.
    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await fresh.newPage();
    await signIn(other, marketer.email);
    await expect(other.locator("html")).toHaveAttribute("lang", "vi");
    await expect(mainNav(other, "vi").getByRole("link", { name: "Chiến dịch" })).toBeVisible();
    await fresh.close();

    await page.goto("/w/demo/settings");
    await chooseLanguage(page, "zh-CN");
    expect(await storedLocale(page)).toBe("zh-CN");
    await expectAllIn(page, "zh-CN", "旅程", true);
  });

  test("signed out, the language follows the browser, and the menu on the sign-in page", async ({
    browser,
  }) => {
    const ctx = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      locale: "vi-VN",
    });
    const page = await ctx.newPage();
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
    await page.getByTestId("language-select").selectOption("zh-CN");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await page.screenshot(shot("i18n-sign-in-zh-CN"));
    await ctx.close();
  });
});
