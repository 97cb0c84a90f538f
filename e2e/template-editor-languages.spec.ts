import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, sql, storageStateFor } from "./helpers";
import { englishLeftovers, overflowing, visibleTexts } from "./i18n-texts";

/**
 * The template editor in Vietnamese and Chinese: the email editor (a block's form, the theme, the
 * sample contact menu, the test-send dialog), the SMS and the push editor show no English from the
 * catalogue, and the longer Vietnamese labels wrap instead of breaking the layout, at 1440 and
 * 1280 px. Nothing is edited: the demo templates stay as other specs expect them.
 */
const marketer = DEMO_USERS.find((u) => u.role === "marketer")!;
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

const WORDS = {
  vi: {
    preview: "Xem trước",
    blocks: "Các khối",
    testSend: "Gửi thử",
    sample: "Liên hệ mẫu",
    theme: "Giao diện",
    plainText: "Phiên bản văn bản thuần",
  },
  "zh-CN": {
    preview: "预览",
    blocks: "区块",
    testSend: "测试发送",
    sample: "示例联系人",
    theme: "主题样式",
    plainText: "纯文本版本",
  },
} as const;
type TLocale = keyof typeof WORDS;

async function templateIds(page: Page) {
  const rows = await sql<{ name: string; id: string }>(
    page.request,
    `select t.name, t.id from templates t join workspaces w on w.id = t.workspace_id
      where w.slug = 'demo' and t.name in ('Welcome email', 'Cart reminder SMS', 'App guide push')`,
  );
  const id = (name: string) => rows.find((r) => r.name === name)!.id;
  return { email: id("Welcome email"), sms: id("Cart reminder SMS"), push: id("App guide push") };
}

async function expectInLocale(page: Page, locale: TLocale, where: string) {
  const leftovers = englishLeftovers(locale);
  const english = (await visibleTexts(page)).filter((t) => leftovers.has(t));
  expect(english, `English left in ${where} (${locale})`).toEqual([]);
  expect(await overflowing(page), `layout of ${where} (${locale})`).toEqual([]);
}

test.describe("the template editor in other languages", () => {
  test.use({ storageState: storageStateFor("marketer") });

  // The marketer's account is shared with other specs: it goes back to following the browser.
  test.afterAll(async ({ request }) => {
    await sql(request, "update users set locale = null where email = $1", [marketer.email]);
  });

  for (const locale of ["vi", "zh-CN"] as const) {
    test(`email, SMS and push editors in ${locale}`, async ({ page }) => {
      test.setTimeout(180_000);
      const w = WORDS[locale];
      const res = await page.request.put("/api/account/locale", { data: { locale } });
      expect(res.status()).toBe(200);
      const ids = await templateIds(page);
      for (const width of [1440, 1280]) {
        await page.setViewportSize({ width, height: 900 });

        await page.goto(`/w/demo/templates/${ids.email}`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { name: w.preview })).toBeVisible();
        // The first render of each template runs on a fresh preview worker: slow on a busy machine.
        await expect(page.getByTestId("inbox-row")).toBeVisible({ timeout: 30_000 });
        // A button block's form, and the theme: the longest labels of the editor.
        await page.getByTestId("block-button").first().locator("button").nth(1).click();
        await expect(page.getByTestId("block-form")).toBeVisible();
        // The two folded cards, opened: the plain-text version and the theme.
        await page.locator("summary").filter({ hasText: w.plainText }).click();
        await expect(page.getByTestId("plain-text-card")).toHaveAttribute("open", "");
        await page.locator("summary").filter({ hasText: w.theme }).click();
        await expectInLocale(page, locale, `email editor at ${width}`);
        await page.screenshot(shot(`i18n-${locale}-template-email-${width}`));

        await page.getByRole("button", { name: w.sample }).click();
        await expect(page.getByRole("listbox", { name: w.sample })).toBeVisible();
        await expectInLocale(page, locale, "sample contact menu");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: w.testSend }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await expectInLocale(page, locale, "test-send dialog");
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog")).toHaveCount(0);

        await page.goto(`/w/demo/templates/${ids.sms}`);
        await expect(page.getByTestId("sms-bubble")).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId("sms-counter")).toContainText("GSM-7");
        await expectInLocale(page, locale, `SMS editor at ${width}`);
        await page.screenshot(shot(`i18n-${locale}-template-sms-${width}`));

        await page.goto(`/w/demo/templates/${ids.push}`);
        await expect(page.getByTestId("push-notification")).toBeVisible({ timeout: 30_000 });
        await expectInLocale(page, locale, `push editor at ${width}`);
        await page.screenshot(shot(`i18n-${locale}-template-push-${width}`));
      }
    });
  }
});
