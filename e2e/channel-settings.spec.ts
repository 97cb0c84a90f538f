import { expect, test, type APIRequestContext } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

const PASSWORD = `e2e-smtp-secret-${Date.now()}`;
const OUTBOX = "Outbox (no provider configured)";
const DEMO = "(select id from workspaces where slug = 'demo')";

const storedSmtp = (request: APIRequestContext) =>
  sql<{ raw: string }>(
    request,
    `select config::text as raw from channel_providers where kind = 'smtp' and workspace_id = ${DEMO}`,
  );

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1280, height: 800 } });
  // Other specs send from the demo workspace: it must go back to the outbox whatever happens here.
  const reset = async ({ request }: { request: APIRequestContext }) =>
    void (await sql(
      request,
      `delete from channel_providers where kind = 'smtp' and workspace_id = ${DEMO}`,
    ));
  test.beforeEach(reset);
  test.afterEach(reset);

  test("configures SMTP with a write-only password, sealed at rest; removing it falls back to the Outbox", async ({
    page,
    request,
  }) => {
    await page.goto("/w/demo/settings");
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "Channels" })
      .click();
    await expect(page).toHaveURL(/\/w\/demo\/settings\/channels$/);
    const email = page.getByTestId("channel-email").getByTestId("destination");
    await expect(email).toHaveText(OUTBOX);
    await expect(page.getByTestId("channel-in_app").getByTestId("destination")).toHaveText(
      "Built-in inbox",
    );

    const form = page.getByRole("form", { name: "Email · SMTP" });
    await form.getByLabel("Host", { exact: true }).fill("smtp.acme.com");
    await form.getByLabel("Port", { exact: true }).fill("70000");
    await form.getByLabel("User name", { exact: true }).fill("mailer");
    await form.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await form.getByLabel("Default sender", { exact: true }).fill("hello@acme.com");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.locator("#smtp-port-error")).toContainText("65535");
    await expect(form.getByLabel("Port", { exact: true })).toHaveAttribute("aria-invalid", "true");
    expect(await storedSmtp(request)).toHaveLength(0);

    await form.getByLabel("Port", { exact: true }).fill("587");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved");
    await expect(form.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(email).toHaveText("SMTP smtp.acme.com:587");

    await page.reload();
    await expect(form.getByLabel("Host", { exact: true })).toHaveValue("smtp.acme.com");
    await expect(form.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(form.getByText("•••••• saved — leave blank to keep")).toBeVisible();
    expect(await page.content()).not.toContain(PASSWORD);
    // The raw response too, which carries the server components' payload beside the HTML.
    const raw = await (await page.request.get("/w/demo/settings/channels")).text();
    expect(raw).toContain("smtp.acme.com");
    expect(raw).not.toContain(PASSWORD);

    const [row] = await storedSmtp(request);
    expect(row?.raw).toContain("smtp.acme.com");
    expect(row?.raw).not.toContain(PASSWORD);
    expect(row?.raw).toMatch(/"password": ?"v2:[\w-]+"/);

    // A save with the password left blank keeps the sealed password, but never sends it to a new
    // host: changing the host asks for the password again, and nothing is written until it is.
    await form.getByLabel("User name", { exact: true }).fill("mailer2");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved");
    const [kept] = await storedSmtp(request);
    expect(kept?.raw).toMatch(/"password": ?"v2:[\w-]+"/);
    expect(kept?.raw).toContain("mailer2");

    await form.getByLabel("Host", { exact: true }).fill("mail.acme.com");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "host changed" })).toBeVisible();
    await expect(form.getByLabel("Password", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect((await storedSmtp(request))[0]?.raw).toContain("smtp.acme.com");
    await form.getByLabel("Password", { exact: true }).fill(`${PASSWORD}-2`);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved");
    await expect(email).toHaveText("SMTP mail.acme.com:587");
    const [moved] = await storedSmtp(request);
    expect(moved?.raw).toContain("mail.acme.com");
    expect(moved?.raw).toMatch(/"password": ?"v2:[\w-]+"/);
    await page.screenshot({
      path: "e2e/.artifacts/screenshots/settings-channels.png",
      fullPage: true,
    });

    await form.getByRole("button", { name: "Remove" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Outbox");
    await dialog.getByRole("button", { name: "Remove provider" }).click();
    await expect(dialog).toBeHidden();
    await expect(email).toHaveText(OUTBOX);
    await expect(form.getByLabel("Host", { exact: true })).toHaveValue("");
    await expect(form.getByText("•••••• saved — leave blank to keep")).toHaveCount(0);
    expect(await storedSmtp(request)).toHaveLength(0);
  });
});

test.describe("as a marketer", () => {
  test.use({ storageState: storageStateFor("marketer") });

  test("the Channels page and its API are refused", async ({ page, request }) => {
    await page.goto("/w/demo/settings");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Channels" }),
    ).toHaveCount(0);
    await page.goto("/w/demo/settings/channels");
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    const put = await page.request.put("/api/w/demo/channels/smtp", {
      data: { host: "evil.example.com", from: "x@example.com", password: "x" },
    });
    expect(put.status()).toBe(403);
    expect(await storedSmtp(request)).toHaveLength(0);
  });
});
