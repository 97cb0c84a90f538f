import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

// Cart abandoners, computed by hand: an "Added to Cart" at least 3 hours old with no
// "Order Completed" in the 3 hours after it.
const EXPECTED = `select count(distinct a.contact_id)::int as n from events a join workspaces w on w.id = a.workspace_id and w.slug = 'demo'
  where a.name = 'Added to Cart' and a.occurred_at <= now() - interval '3 hours'
  and not exists (select 1 from events b where b.workspace_id = a.workspace_id and b.contact_id = a.contact_id
    and b.name = 'Order Completed' and b.occurred_at between a.occurred_at and a.occurred_at + interval '3 hours')`;

test.describe("as the marketer", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

  test("builds the 'added to cart but did not purchase within 3 hours' segment, sees the right count, saves it", async ({
    page,
    request,
  }) => {
    const [{ n: expected }] = (await sql<{ n: number }>(request, EXPECTED)) as [{ n: number }];
    expect(expected).toBeGreaterThan(0);

    await page.goto("/w/demo/segments");
    await page.getByRole("link", { name: "New segment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New segment" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill("Cart, no purchase in 3h (e2e)");
    await page.getByLabel("Condition 1 kind").selectOption("sequence");
    await page.getByLabel("Condition 1 first event").fill("Added to Cart");
    await page.getByLabel("Condition 1 then did or did not").selectOption("not_followed_by");
    await page.getByLabel("Condition 1 second event").fill("Order Completed");
    await page.getByLabel("Condition 1 hours").fill("3");
    await expect(page.getByTestId("segment-count")).toHaveText(String(expected));
    await expect(page.getByText("contacts", { exact: true })).toBeVisible();
    await page.screenshot(shot("segments-builder"));

    // An empty event name is refused at the condition it concerns, and the count says so.
    await page.getByLabel("Condition 1 second event").fill("");
    await expect(page.getByTestId("condition-conditions.0").getByRole("alert")).toContainText(
      "choose an event",
    );
    await page.screenshot(shot("segments-builder-error"));
    await page.getByLabel("Condition 1 second event").fill("Order Completed");
    await expect(page.getByTestId("segment-count")).toHaveText(String(expected));

    await page.getByRole("button", { name: "Save segment" }).click();
    await expect(page).toHaveURL(/\/w\/demo\/segments$/);
    const row = page.getByTestId("segment-row-Cart, no purchase in 3h (e2e)");
    await expect(row).toBeVisible();
    await expect(row.getByTestId("segment-size")).toHaveText(String(expected));
    await expect(
      page.getByTestId("segment-row-Cart abandoners (3h)").getByTestId("segment-size"),
    ).toHaveText(String(expected));
    await page.screenshot(shot("segments-list"));
  });

  test("a segment used by another cannot be deleted, and says by whom", async ({ page }) => {
    const base = await page.request.post("/api/w/demo/segments", {
      data: {
        name: "Used base (e2e)",
        definition: {
          kind: "group",
          match: "all",
          conditions: [{ kind: "device", platform: "ios" }],
        },
      },
    });
    expect(base.status()).toBe(201);
    const baseId = ((await base.json()) as { segment: { id: string } }).segment.id;
    const user = await page.request.post("/api/w/demo/segments", {
      data: {
        name: "Uses base (e2e)",
        definition: {
          kind: "group",
          match: "all",
          conditions: [{ kind: "segment", segmentId: baseId, in: true }],
        },
      },
    });
    expect(user.status()).toBe(201);
    await page.goto("/w/demo/segments");
    page.once("dialog", (d) => void d.accept());
    await page
      .getByTestId("segment-row-Used base (e2e)")
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" })).toContainText(
      'cannot be deleted while it is used by segment "Uses base (e2e)"',
    );
    await page.goto(`/w/demo/segments/${baseId}`);
    await expect(page.getByTestId("used-by")).toContainText("Uses base (e2e)");
  });
});

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1440, height: 900 } });

  test("sees segments and their counts, read-only", async ({ page }) => {
    await page.goto("/w/demo/segments");
    await page.getByRole("link", { name: "Cart abandoners (3h)" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Cart abandoners (3h)" }),
    ).toBeVisible();
    await expect(page.getByTestId("segment-count")).not.toHaveText("—");
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    await expect(page.getByLabel("Condition 1 first event")).toBeDisabled();
    await page.screenshot(shot("segments-analyst-view"));
  });
});
