import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { hydrated, storageStateFor } from "./helpers";

/**
 * An admin uploads a Pinpoint event-stream file (Firehose NDJSON, gzip) under Settings → Import
 * from Pinpoint → Event history; the background job imports it and the section shows the counts
 * and the refused lines with their numbers.
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const fixture = gzipSync(readFileSync("lib/pinpoint/events/testing/event-stream.ndjson"));

test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

test("an admin imports Pinpoint event history and sees its counts and refused lines", async ({
  page,
}) => {
  await page.goto("/w/demo/settings/pinpoint");
  const section = page.getByRole("region", { name: "Event history" });
  await expect(section).toBeVisible();
  await hydrated(section.getByLabel("Event-stream file"));
  await section.getByLabel("Event-stream file").setInputFiles({
    name: "firehose-2026-11-30.gz",
    mimeType: "application/gzip",
    buffer: fixture,
  });
  await section.getByRole("button", { name: "Upload and import" }).click();
  const row = section.getByTestId("event-import").first();
  await expect(row).toContainText("firehose-2026-11-30.gz");
  await expect(row.getByText("Completed")).toBeVisible({ timeout: 60_000 });
  // 12 lines: 9 events, a record Firehose delivered twice, and two it cannot read.
  await expect(row).toContainText(/\d+ imported, \d+ already stored, 2 refused/);
  await expect(row).toContainText("Line 11: client.client_id: is required");
  await expect(row).toContainText("Line 12: is not JSON");
  await page.screenshot(shot("pinpoint-event-history-1440"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot(shot("pinpoint-event-history-1280"));

  // The overview dashboard shows the imported engagement apart from Waymark's own figures.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/w/demo/dashboards");
  const card = page.getByTestId("chart-imported-history");
  await expect(card).toContainText("Imported from Pinpoint");
  await expect(card.locator(".recharts-line").first()).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot(shot("dashboards-imported-history-1440"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot(shot("dashboards-imported-history-1280"));
});
