import { expect, type Page } from "@playwright/test";

/** A new template of this channel, made as a marketer makes it: New template, name, channel card. */
export async function createInEditor(page: Page, channel: "Voice" | "In-app" | "Webhook") {
  const name = `${channel} ${Date.now()} (e2e)`;
  await page.goto("/w/demo/templates");
  await page.getByRole("button", { name: "New template" }).click();
  await page.getByLabel("Name").fill(name);
  // The radio is drawn by its label (an icon card); the marketer clicks the card.
  const radio = page.getByRole("radio", { name: channel });
  await page.locator("label", { has: radio }).click();
  await expect(radio).toBeChecked();
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel("Template name")).toHaveValue(name);
  await expect(page.getByTestId("version-badge")).toHaveText("Draft");
  return name;
}

/**
 * Picks the preview's sample contact by searching for `search` (an email or user id) and choosing
 * the option that shows it: by the name alone, a click could land while the list still shows
 * every contact (before the search has answered) on another with the same first name.
 */
export async function pickSample(page: Page, search: string, first: string) {
  await page.getByRole("button", { name: "Sample contact" }).click();
  await page.getByLabel("Search contacts").fill(search);
  await page
    .getByRole("option", { name: new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })
    .first()
    .click();
  await expect(page.getByTestId("sample-label")).toContainText(first);
}
