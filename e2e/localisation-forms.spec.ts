import { expect, test, type Locator, type Page } from "@playwright/test";
import { contactsCsv } from "../lib/imports/testing/contacts-csv";
import { hydrated, storageStateFor } from "./helpers";
import { englishLeftovers } from "./i18n-texts";
import { E2E_BASE_URL } from "./server";

/**
 * The long forms in Vietnamese: the segment builder (with the API's validation message in
 * Vietnamese), the campaign editor's recurring schedule and an import's column mapping show no
 * English catalogue text, and their long labels fit at 1440 and 1280 px (screenshots
 * `i18n-vi-<form>-<width>.png`). The language comes from the cookie the language menu sets, so the
 * shared marketer account keeps following the browser for other specs.
 */
/** The visible texts and placeholders of one form (the page around it is localisation.spec's). */
const visibleTexts = (form: Locator) =>
  form.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (text && el && el.checkVisibility() && !el.closest("script,style,pre,code,option"))
        out.push(text);
    }
    for (const el of root.querySelectorAll<HTMLInputElement>("[placeholder]"))
      if (el.checkVisibility()) out.push(el.placeholder.trim());
    return out;
  });

async function expectVietnamese(
  page: Page,
  form: Locator,
  name: string,
  /** The user's own data on the page (an uploaded file's cells): not UI text. */
  data: ReadonlySet<string> = new Set(),
) {
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  const leftovers = englishLeftovers("vi");
  const english = (await visibleTexts(form)).filter((t) => leftovers.has(t) && !data.has(t));
  expect(english, `English left in ${name}`).toEqual([]);
}

/** Nothing wider than the page: a long label that does not wrap shows as a horizontal scroll. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

test.describe("forms in Vietnamese", () => {
  test.use({ storageState: storageStateFor("marketer") });
  test.beforeEach(async ({ context }) => {
    await context.addCookies([{ name: "waymark_locale", value: "vi", url: E2E_BASE_URL }]);
  });

  test("the segment builder speaks Vietnamese, its validation messages too", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/w/demo/segments/new");
    await expect(page.getByTestId("group-root")).toBeVisible();
    // A new condition has no event yet: the preview's 400 names it, in Vietnamese.
    await page.getByRole("button", { name: "Thêm điều kiện" }).click();
    await expect(page.getByText("hãy chọn một sự kiện").first()).toBeVisible();
    await page.getByRole("button", { name: "Thêm nhóm HOẶC" }).click();
    await expect(page.getByLabel("Điều kiện 1: loại")).toBeVisible();
    await page.getByLabel("Điều kiện 1: loại").selectOption("sequence");
    // The builder's column: name, conditions and save (the preview's words are checked by eye).
    await expectVietnamese(page, page.getByTestId("group-root").locator(".."), "the builder");
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoOverflow(page);
      await page.screenshot(shot(`i18n-vi-segment-builder-${width}`));
    }
  });

  test("the campaign editor's recurring schedule fits in Vietnamese", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/w/demo/campaigns/new");
    await page.getByRole("radio", { name: "Định kỳ" }).check();
    await expect(page.getByLabel("Lặp lại")).toBeVisible();
    await expect(page.getByText("Sẽ nhận được")).toBeVisible();
    await expectVietnamese(page, page.locator("form:has(#campaign-name)"), "the editor");
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoOverflow(page);
      await page.screenshot(shot(`i18n-vi-campaign-editor-${width}`));
    }
  });

  test("the server's refusals speak Vietnamese: a taken name, a publish defect and its field", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const stamp = Date.now();
    const taken = `Hành trình có sẵn ${stamp}`;
    const create = async (name: string) => {
      const res = await page.request.post("/api/w/demo/journeys", { data: { name } });
      expect(res.status()).toBe(201);
      return (await res.json()).journey.id as string;
    };
    await create(taken);
    const id = await create(`Hành trình mới ${stamp}`);
    // The trigger's second filter is half made: "contains" with nothing to look for.
    const filters = [
      { property: "plan", type: "string", op: "equals", value: "pro" },
      { property: "coupon", type: "string", op: "contains", value: "" },
    ];
    const graph = {
      nodes: [
        {
          id: "t",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { kind: "event", event: "i18n_e2e_never_sent", filters },
        },
        { id: "x", type: "exit", position: { x: 0, y: 200 }, data: {} },
      ],
      edges: [{ id: "t-x", source: "t", sourceHandle: null, target: "x" }],
    };
    expect(
      (await page.request.patch(`/api/w/demo/journeys/${id}`, { data: { graph } })).status(),
    ).toBe(200);

    await page.goto(`/w/demo/journeys/${id}`);
    // Quiet hours that start and end at once: the journey's settings refuse to publish.
    await page.getByRole("tab", { name: "Cài đặt" }).click();
    const panel = page.getByTestId("side-panel");
    await panel.getByLabel("Giờ yên lặng (tin nhắn chờ đến khi hết giờ)").check();
    await panel.getByLabel("Đến", { exact: true }).fill("21:00");
    await expect(page.getByTestId("save-state")).toHaveText("Đã lưu");
    await page.getByRole("button", { name: "Xuất bản", exact: true }).click();
    await expect(page.getByTestId("editor-notice")).toHaveText(
      "giờ yên lặng không được bắt đầu và kết thúc cùng một giờ",
    );
    await panel.getByLabel("Giờ yên lặng (tin nhắn chờ đến khi hết giờ)").uncheck();
    await expect(page.getByTestId("save-state")).toHaveText("Đã lưu");
    await page.getByRole("button", { name: "Xuất bản", exact: true }).click();
    await expect(page.getByTestId("publish-error")).toHaveCount(1);
    await expect(page.getByTestId("publish-error")).toContainText(
      "Bộ lọc 2 › giá trị: hãy nhập nội dung",
    );

    await page.getByTestId("journey-name").click();
    const field = page.getByRole("textbox", { name: "Tên hành trình" });
    await field.fill(taken);
    await field.press("Enter");
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: `Tên "${taken}" đã được dùng ở đây: hãy chọn tên khác.` }),
    ).toBeVisible();
    await page.screenshot(shot("i18n-vi-journey-refusals-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("i18n-vi-journey-refusals-1280"));
  });

  test("an import's column mapping and preview speak Vietnamese", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/w/demo/contacts/imports/new");
    const csv = contactsCsv(30, { 5: "email" }, "e2e-i18n");
    await hydrated(page.getByLabel("Tệp CSV"));
    await page.getByLabel("Tệp CSV").setInputFiles({
      name: "vi-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Tải lên và ghép cột" }).click();
    await expect(page).toHaveURL(/\/w\/demo\/contacts\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Nhập “email” thành")).toHaveValue("field:email");
    await expect(page.getByTestId("preview-summary")).toContainText("dòng đầu tiên có lỗi");
    // The preview shows the file's own cells, and the values they become as stored (a "yes"
    // column read as a boolean shows `true`/`false`): data, not UI text.
    const cells = new Set([...csv.split(/[\n,]/).map((c) => c.trim()), "true", "false"]);
    await expectVietnamese(page, page.locator("main"), "the import page", cells);
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot(shot(`i18n-vi-import-mapping-${width}`));
    }
  });
});
