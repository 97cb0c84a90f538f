import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startHttpSink, type THttpSink } from "../lib/channels/testing/http-sink";
import { screenshotAtBothWidths, sql, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";
import { createInEditor, pickSample } from "./template-editor-helpers";

/**
 * Issue #14, "also finish": the voice, in-app and webhook editors get what the email and SMS
 * editors have: a marketer creates each in the editor, fills its fields (a validation error shown,
 * then fixed), previews it for a contact and publishes it; the webhook is test-sent to a receiver
 * on loopback, as the email is test-sent to an SMTP server.
 */
const SECRET = "e2e-webhook-secret-0123456789";

let sink: THttpSink;
let hadWebhook = false;

const asAdmin = async (playwright: { request: typeof import("@playwright/test").request }) =>
  playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStateFor("admin") });

// The admin points the demo workspace's webhook channel at a receiver in the test process.
test.beforeAll(async ({ playwright }) => {
  sink = await startHttpSink();
  const admin = await asAdmin(playwright);
  const existing = await sql<{ n: number }>(
    admin,
    "select count(*)::int as n from channel_providers p join workspaces w on w.id = p.workspace_id and w.slug = 'demo' where p.kind = 'webhook'",
  );
  hadWebhook = existing[0]!.n > 0;
  const res = await admin.put("/api/w/demo/channels/webhook", {
    data: { url: `${sink.url}/hooks/waymark`, secret: SECRET },
  });
  expect(res.status(), await res.text()).toBe(200);
  await admin.dispose();
});
test.afterAll(async ({ playwright }) => {
  // Leave the workspace's channels as this file found them.
  if (!hadWebhook) {
    const admin = await asAdmin(playwright);
    await admin.delete("/api/w/demo/channels/webhook");
    await admin.dispose();
  }
  await sink?.close();
});

/** A demo contact with a plain first name, a user id and an email, to preview for. */
async function sampleContact(page: Page) {
  const [c] = await sql<{ first: string; email: string; user_id: string }>(
    page.request,
    `select c.attributes->>'firstName' as first, c.email, c.external_id as user_id from contacts c join workspaces w on w.id = c.workspace_id
     where w.slug = 'demo' and c.email is not null and c.external_id is not null and c.attributes->>'firstName' ~ '^[A-Za-z]{3,}$'
     order by c.created_at limit 1`,
  );
  expect(c).toBeTruthy();
  return c!;
}

/** Publishing is refused while a field is wrong, and says so; the draft stays a draft. */
async function publishRefused(page: Page) {
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Fix the highlighted fields" }),
  ).toBeVisible();
  await expect(page.getByTestId("version-badge")).toHaveText("Draft");
}

async function publish(page: Page) {
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-badge")).toHaveText("v1");
  await expect(page.getByTestId("version-history")).toContainText("v1");
}

async function stored(page: Page, name: string) {
  const [row] = await sql<{ v: number; channel: string; draft: Record<string, unknown> }>(
    page.request,
    `select t.published_version as v, t.channel, v.content as draft from templates t
     join template_versions v on v.template_id = t.id and v.version = t.published_version where t.name = $1`,
    [name],
  );
  return row!;
}

test.describe("as the marketer", () => {
  // Each test writes, previews, publishes and reads back: room for a loaded CI machine.
  test.describe.configure({ timeout: 150_000 });
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 1000 } });

  test("writes a voice message, is told the language is not a BCP 47 tag, fixes it, previews it for a contact and publishes v1", async ({
    page,
  }) => {
    const c = await sampleContact(page);
    const name = await createInEditor(page, "Voice");
    await page
      .getByLabel("Speech")
      .fill(
        'Hello {{ contact.firstName | default: "there" }}, your parcel arrives tomorrow between nine and noon.',
      );
    await page.getByLabel("Voice", { exact: true }).fill("Polly.Joanna");
    await expect(page.getByTestId("voice-preview")).toContainText("Hello there, your parcel");
    await page.getByRole("textbox", { name: "Language" }).fill("English");
    await publishRefused(page);
    await expect(page.getByTestId("flags-language")).toContainText("A BCP 47 tag like en-US");
    await page.getByRole("textbox", { name: "Language" }).fill("en-GB");
    await expect(page.getByTestId("flags-language")).toHaveCount(0);

    await pickSample(page, c.email, c.first);
    const preview = page.getByTestId("voice-preview");
    await expect(preview).toContainText(`Hello ${c.first}, your parcel arrives tomorrow`);
    await expect(preview).toContainText("Spoken by Polly.Joanna in en-GB");
    await screenshotAtBothWidths(page, "templates-voice-editor");
    await publish(page);
    const row = await stored(page, name);
    expect(row).toMatchObject({
      v: 1,
      channel: "voice",
      draft: {
        channel: "voice",
        voice: "Polly.Joanna",
        language: "en-GB",
        speech:
          'Hello {{ contact.firstName | default: "there" }}, your parcel arrives tomorrow between nine and noon.',
      },
    });
  });

  test("writes an in-app message with a button, is refused an unsafe button URL, fixes it, previews it for a contact and publishes v1", async ({
    page,
  }) => {
    const c = await sampleContact(page);
    const name = await createInEditor(page, "In-app");
    await page
      .getByLabel("Title", { exact: true })
      .fill('Your plan, {{ contact.firstName | default: "friend" }}');
    await page
      .getByLabel("Body", { exact: true })
      .fill("See what changed in your dashboard this week.");
    await page.getByRole("button", { name: "Remove button 1" }).click();
    await page.getByRole("button", { name: "Add button" }).click();
    await page.getByLabel("Button 1 label").fill("Open the dashboard");
    await expect(page.getByLabel("Action")).toHaveValue("url");
    const card = page.getByTestId("inapp-card");
    await expect(card).toContainText("Your plan, friend");
    await page.getByLabel("URL", { exact: true }).fill("javascript:alert(1)");
    await publishRefused(page);
    await expect(page.getByTestId("flags-buttons.0.value")).toContainText(
      "Must be an http(s), mailto: or tel: URL",
    );
    await page.getByLabel("URL", { exact: true }).fill("https://acme.example/dashboard");
    await expect(page.getByTestId("flags-buttons.0.value")).toHaveCount(0);

    await pickSample(page, c.email, c.first);
    await expect(card).toContainText(`Your plan, ${c.first}`);
    await expect(card).toContainText("See what changed in your dashboard this week.");
    await expect(card).toContainText("Open the dashboard");
    await screenshotAtBothWidths(page, "templates-in-app-editor");
    await publish(page);
    expect(await stored(page, name)).toMatchObject({
      v: 1,
      channel: "in_app",
      draft: {
        channel: "in_app",
        title: 'Your plan, {{ contact.firstName | default: "friend" }}',
        buttons: [
          { label: "Open the dashboard", action: "url", value: "https://acme.example/dashboard" },
        ],
      },
    });
  });

  test("writes a webhook body, sees its broken Liquid flagged, fixes it, previews the payload for a contact, test-sends it to a receiver and publishes v1", async ({
    page,
  }) => {
    const c = await sampleContact(page);
    const name = await createInEditor(page, "Webhook");
    const body = page.getByLabel("JSON body");
    await body.fill('{\n  "email": {{ contact.email | json }},\n  "plan": {{ contact.plan | json ');
    await expect(page.getByTestId("flags-body")).toContainText("Liquid:");
    await expect(page.getByTestId("issues-badge")).toContainText("1 error");
    await publishRefused(page);
    const fixed =
      '{\n  "email": {{ contact.email | json }},\n  "name": {{ contact.firstName | default: "friend" | json }},\n  "source": "waymark"\n}';
    await body.fill(fixed);
    await expect(page.getByTestId("flags-body")).not.toContainText("Liquid:");

    await pickSample(page, c.email, c.first);
    const preview = page.getByTestId("webhook-preview");
    await expect(preview).toContainText(`"email": "${c.email}"`);
    await expect(preview).toContainText(`"name": "${c.first}"`);
    await screenshotAtBothWidths(page, "templates-webhook-editor");

    await page.getByRole("button", { name: "Test send" }).click();
    await page.getByRole("button", { name: "Send test" }).click();
    // The send renders and posts through the guarded client: slow on a loaded machine.
    await expect(page.getByTestId("test-send-result")).toHaveText("Sent", { timeout: 30_000 });
    const hook = await sink.waitFor((r) => r.path === "/hooks/waymark" && r.body.includes(c.email));
    expect(hook.method).toBe("POST");
    // The rendered body is the payload, beside the message's id.
    expect(hook.json()).toEqual({
      messageId: expect.any(String),
      payload: { email: c.email, name: c.first, source: "waymark" },
    });
    // Signed as receivers check it: HMAC-SHA256 of "<t>.<raw body>" with the channel's secret.
    const sig = hook.headers["waymark-signature"] ?? "";
    const t = /t=(\d+)/.exec(sig)?.[1];
    expect(sig).toContain(
      `v1=${createHmac("sha256", SECRET).update(`${t}.${hook.body}`).digest("hex")}`,
    );
    await page.keyboard.press("Escape");

    await publish(page);
    expect(await stored(page, name)).toMatchObject({
      v: 1,
      channel: "webhook",
      draft: { channel: "webhook", body: fixed },
    });
  });
});
