import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, sql, storageStateFor } from "./helpers";
import { demoSmtpSink } from "./demo-smtp-sink";
import { pickSample } from "./template-editor-helpers";

const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const MARKETER = DEMO_USERS.find((u) => u.role === "marketer")!.email;

// A real SMTP server in the test process, the demo workspace's SMTP provider pointed at it.
const sink = demoSmtpSink({ fromName: "Acme" });

/** Two demo contacts with different, plain first names, and an email to find each by. */
async function twoContacts(page: Page) {
  const rows = await sql<{ id: string; first: string; email: string }>(
    page.request,
    `select distinct on (c.attributes->>'firstName') c.id, c.attributes->>'firstName' as first, c.email from contacts c join workspaces w on w.id = c.workspace_id
     where w.slug = 'demo' and c.email is not null and c.attributes->>'firstName' ~ '^[A-Za-z]{3,}$' order by c.attributes->>'firstName', c.created_at limit 2`,
  );
  expect(rows).toHaveLength(2);
  return rows as [(typeof rows)[0], (typeof rows)[0]];
}

test.describe("as the marketer", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1600, height: 1000 } });

  test("builds an email from blocks, previews it for two contacts, test-sends it to a real SMTP server and publishes v1", async ({
    page,
  }) => {
    // The longest flow of the suite (build, two previews, flags, picker, test send, publish):
    // 45 s on a quiet machine, so the default 60 s leaves no room for a loaded one.
    test.setTimeout(120_000);
    const [a, b] = await twoContacts(page);
    await page.goto("/w/demo/templates");
    await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
    const welcome = page.getByTestId("template-row-Welcome email");
    await expect(welcome).toContainText("Email");
    await expect(welcome).toContainText("v1");
    await page.screenshot(shot("templates-list"));

    const name = `Onboarding ${Date.now()} (e2e)`;
    await page.getByRole("button", { name: "New template" }).click();
    await page.getByLabel("Name").fill(name);
    await expect(page.getByRole("radio", { name: "Email" })).toBeChecked();
    await page.getByRole("button", { name: "Create template" }).click();
    await expect(page).toHaveURL(/\/w\/demo\/templates\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Template name")).toHaveValue(name);
    await expect(page.getByTestId("version-badge")).toHaveText("Draft");

    // Start from an empty email: the example's heading, text and footer go.
    for (const block of ["Heading 1", "Text 1", "Footer 1"])
      await page.getByRole("button", { name: `Delete ${block}` }).click();
    await expect(page.getByText("No blocks yet")).toBeVisible();

    await page.getByRole("button", { name: "Add block" }).click();
    await page.getByRole("menuitem", { name: "Heading" }).click();
    await page.getByLabel("Heading text").fill('Hi {{ contact.firstName | default: "there" }}');
    await page.getByRole("button", { name: "Add block" }).click();
    await page.getByRole("menuitem", { name: "Text" }).click();
    const text = page.getByLabel("Text", { exact: true });
    await text.fill("Thanks for joining. ");
    await page.getByRole("button", { name: "Bold" }).click();
    await page.keyboard.type("Acme");
    await expect(text).toHaveValue("Thanks for joining. **Acme**");
    await page.getByRole("button", { name: "Add block" }).click();
    await page.getByRole("menuitem", { name: "Button" }).click();
    await page.getByLabel("Button label").fill("Start now");
    await page.getByLabel("Button URL").fill("https://acme.example/start");
    await expect(
      page.getByRole("list", { name: "Blocks" }).getByRole("button", { name: /^Edit / }),
    ).toHaveText([/Hi \{\{ contact.firstName/, /Thanks for joining\. Acme/, /Start now/]);

    // The live preview is the server's render: defaults first, then each sample contact's name.
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await expect(frame.getByText("Hi there")).toBeVisible();
    await expect(frame.getByRole("link", { name: "Start now" })).toBeVisible();
    await pickSample(page, a.email, a.first);
    await expect(frame.getByText(`Hi ${a.first}`)).toBeVisible();
    await pickSample(page, b.email, b.first);
    await expect(frame.getByText(`Hi ${b.first}`)).toBeVisible();
    await expect(page.getByTestId("preview-subject")).toHaveText(`Hello ${b.first}`);
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    await page.screenshot(shot("templates-email-editor-desktop"));
    await page.getByRole("radio", { name: "Mobile" }).click();
    await expect(page.locator('iframe[title="Email preview"]')).toHaveJSProperty(
      "offsetWidth",
      355,
    );
    await page.screenshot(shot("templates-email-editor-mobile"));
    await page.getByRole("tab", { name: "Plain text" }).click();
    await expect(page.getByTestId("preview-text")).toContainText(`Hi ${b.first}`);

    // Flags before saving: an unknown variable warns, broken Liquid is an error publish refuses.
    const subject = page.getByLabel("Subject");
    await subject.fill("Hello {{ contact.favouriteColour }}");
    await expect(page.getByTestId("flags-subject")).toContainText(
      "Unknown variable contact.favouriteColour",
    );
    await subject.fill("Hello {{ contact.firstName ");
    await expect(page.getByTestId("flags-subject")).toContainText("Liquid:");
    await expect(page.getByTestId("issues-badge")).toContainText("1 error");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Fix the highlighted fields" }),
    ).toBeVisible();
    await expect(page.getByTestId("version-badge")).toHaveText("Draft");

    // The variable picker writes at the caret of the focused field.
    await subject.fill("Hello ");
    await subject.click();
    await subject.press("End");
    await page.getByRole("button", { name: "Insert variable" }).click();
    await page.getByRole("option", { name: "contact.firstName", exact: true }).click();
    await expect(subject).toHaveValue('Hello {{ contact.firstName | default: "" }}');
    await expect(page.getByTestId("preview-subject")).toHaveText(`Hello ${b.first}`);

    await page.getByRole("button", { name: "Test send" }).click();
    await expect(page.getByLabel("Send to")).toHaveValue(MARKETER);
    await page.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByTestId("test-send-result")).toHaveText("Sent");
    const mail = await sink().waitFor(
      (m) => m.to.includes(MARKETER) && m.subject === `Hello ${b.first}`,
    );
    expect(mail.fromHeader).toContain("hello@acme.test");
    expect(mail.html).toContain(`Hi ${b.first}`);
    expect(mail.html).toContain("<strong>Acme</strong>");
    expect(mail.html).toContain("Start now");
    expect(mail.text).toContain(`Hi ${b.first}`);
    expect(mail.text).toContain("Start now");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<https?:\/\/.+>$/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("version-badge")).toHaveText("v1");
    await expect(page.getByTestId("version-history")).toContainText("v1");
    const [row] = await sql<{ v: number; subject: string }>(
      page.request,
      "select published_version as v, draft->>'subject' as subject from templates where name = $1",
      [name],
    );
    expect(row).toEqual({ v: 1, subject: 'Hello {{ contact.firstName | default: "" }}' });
    await page.goto("/w/demo/templates");
    await expect(page.getByTestId(`template-row-${name}`)).toContainText("v1");
  });

  test("the SMS editor counts characters, encoding and segments as the text is typed", async ({
    page,
  }) => {
    const res = await page.request.post("/api/w/demo/templates", {
      data: { name: `SMS ${Date.now()} (e2e)`, channel: "sms" },
    });
    expect(res.status()).toBe(201);
    const { template } = (await res.json()) as { template: { id: string } };
    await page.goto(`/w/demo/templates/${template.id}`);
    // The bubble comes from the client's first preview: the page is interactive.
    // The first preview is a worker-thread render: over 10 s once late in a loaded full run.
    await expect(page.getByTestId("sms-bubble")).toContainText("Hi there!", { timeout: 30_000 });
    const body = page.getByLabel("Message");
    await body.fill("Your order has shipped!");
    await expect(page.getByTestId("sms-counter")).toContainText(
      "23 characters · GSM-7 · 1 segment",
    );
    await expect(page.getByTestId("sms-bubble")).toHaveText("Your order has shipped!");
    await body.fill(`${"x".repeat(150)} {{ contact.firstName | default: "there" }} 😀`);
    await expect(page.getByTestId("sms-counter")).toContainText("UCS-2 · 3 segments");
    await expect(page.getByTestId("sms-counter")).toContainText("UCS-2 because of 😀");
    await body.fill(
      `Hi {{ contact.firstName | default: "there" }}, your cart misses you: https://acme.example/cart. Reply STOP to opt out.`,
    );
    await expect(page.getByTestId("sms-bubble")).toContainText("Hi there, your cart misses you");
    await expect(page.getByTestId("sms-counter")).toContainText("GSM-7 · 1 segment");
    await expect(page.getByTestId("sms-counter-personalised")).toContainText(
      "Personalised for the preview: 81 characters · GSM-7 · 1 segment",
    );
    await page.screenshot(shot("templates-sms-editor"));
  });

  test("the push preview shows the notification as iOS and Android lock screens draw it", async ({
    page,
  }) => {
    await page.goto("/w/demo/templates");
    await page.getByRole("link", { name: "App guide push" }).click();
    await expect(page.getByTestId("push-notification")).toContainText(
      "Get more out of Acme, friend",
    );
    await expect(page.getByTestId("push-notification")).toContainText("30-second guide");
    await page.screenshot(shot("templates-push-ios"));
    await page.getByRole("radio", { name: "Android" }).click();
    await expect(page.getByTestId("push-notification")).toContainText(
      "Get more out of Acme, friend",
    );
    await page
      .getByLabel("Title", { exact: true })
      .fill('New: {{ contact.plan | default: "free" }} tips');
    await expect(page.getByTestId("push-notification")).toContainText("New: free tips");
    await page.screenshot(shot("templates-push-android"));
  });
});

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1600, height: 1000 } });

  test("sees the editor and its preview, read-only", async ({ page }) => {
    await page.goto("/w/demo/templates");
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    await page.getByRole("link", { name: "Welcome email", exact: true }).click();
    await expect(page.getByText("Read-only")).toBeVisible();
    await expect(
      page.frameLocator('iframe[title="Email preview"]').getByText("Hi there, welcome aboard!"),
    ).toBeVisible();
    await expect(page.getByLabel("Subject")).toBeDisabled();
    await expect(page.getByLabel("Template name")).toBeDisabled();
    await page.getByRole("button", { name: "Edit Text 2" }).click();
    await expect(page.getByLabel("Text", { exact: true })).toBeDisabled();
    await expect(page.locator("[data-mutates]")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Insert variable" })).toHaveCount(0);
    await page.screenshot(shot("templates-analyst-view"));
  });
});
