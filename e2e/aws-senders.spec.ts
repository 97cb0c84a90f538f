import { expect, test, type APIRequestContext } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

const SECRET = `e2e-aws-secret-${Date.now()}`;
const DEMO = "(select id from workspaces where slug = 'demo')";
// The viewport at the SES card, not the whole (long) page: a full-page capture times out under load.
const shot = (name: string) => ({
  path: `e2e/.artifacts/screenshots/${name}.png`,
  timeout: 60_000,
});

const storedSes = (request: APIRequestContext) =>
  sql<{ raw: string }>(
    request,
    `select config::text as raw from channel_providers where kind = 'ses' and workspace_id = ${DEMO}`,
  );

test.describe("AWS senders in Settings → Channels", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });
  // Other specs send email from the demo workspace: it must go back to the outbox afterwards.
  const reset = async ({ request }: { request: APIRequestContext }) =>
    void (await sql(
      request,
      `delete from channel_providers where kind in ('ses', 'aws_sms') and workspace_id = ${DEMO}`,
    ));
  test.beforeEach(reset);
  test.afterEach(reset);

  test("configures SES with a sealed key, a send rate and a warm-up plan; email then goes to SES", async ({
    page,
    request,
  }) => {
    // A long settings page and a busy machine: the default minute is not enough for all of it.
    test.setTimeout(180_000);
    await page.goto("/w/demo/settings/channels");
    const form = page.getByRole("form", { name: "Email · Amazon SES" });
    await form.getByLabel("AWS region", { exact: true }).fill("Ireland");
    await form.getByLabel("Access key ID", { exact: true }).fill("AKIAE2EEXAMPLE000001");
    await form.getByLabel("Secret access key", { exact: true }).fill(SECRET);
    await form.getByLabel("Default sender", { exact: true }).fill("news@acme.com");
    await form.getByLabel("Configuration set", { exact: true }).fill("waymark");
    await form.getByLabel("Messages per second", { exact: true }).fill("14");
    await form.getByLabel("Warm up this sender", { exact: true }).click();
    await form.getByLabel("Messages on day one", { exact: true }).fill("50");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.locator("#ses-region-error")).toContainText("us-east-1");
    expect(await storedSes(request)).toHaveLength(0);

    await form.getByLabel("AWS region", { exact: true }).fill("eu-west-1");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved");
    await expect(page.getByTestId("channel-email").getByTestId("destination")).toHaveText(
      "Amazon SES · news@acme.com · eu-west-1",
    );
    const [row] = await storedSes(request);
    expect(row?.raw).not.toContain(SECRET);
    expect(row?.raw).toMatch(/"secretAccessKey": ?"v2:[\w-]+"/);
    expect(row?.raw).toContain('"messagesPerSecond": 14');

    await page.reload();
    await expect(form.getByLabel("Messages per second", { exact: true })).toHaveValue("14");
    await expect(form.getByLabel("Warm up this sender", { exact: true })).toBeChecked();
    await expect(form.getByLabel("Secret access key", { exact: true })).toHaveValue("");
    expect(await page.content()).not.toContain(SECRET);

    const sms = page.getByRole("form", { name: "SMS and voice · AWS End User Messaging" });
    await expect(sms.getByLabel("Message type", { exact: true })).toHaveValue("TRANSACTIONAL");
    await expect(sms.getByLabel("India DLT entity ID", { exact: true })).toBeVisible();

    await page.getByTestId("provider-ses").scrollIntoViewIfNeeded();
    await page.screenshot(shot("settings-channels-aws-1440"));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot(shot("settings-channels-aws-1280"));
  });
});
