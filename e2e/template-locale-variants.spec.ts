import { expect, test } from "@playwright/test";
import { DEMO_USERS, sql, storageStateFor } from "./helpers";
import { demoSmtpSink } from "./demo-smtp-sink";

const MARKETER = DEMO_USERS.find((u) => u.role === "marketer")!.email;
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

// A real SMTP server in the test process, the demo workspace's SMTP provider pointed at it.
const sink = demoSmtpSink();

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 1000 } });

test("a marketer adds a Vietnamese variant, previews it for a Vietnamese contact, publishes, and the test send arrives in Vietnamese", async ({
  page,
}) => {
  const [vi] = await sql<{ id: string; first: string; email: string }>(
    page.request,
    `select c.id, c.attributes->>'firstName' as first, c.email from contacts c join workspaces w on w.id = c.workspace_id
     where w.slug = 'demo' and c.locale = 'vi-VN' and c.email is not null
       and c.attributes->>'firstName' ~ '^[A-Za-z]{3,}$' order by c.created_at limit 1`,
  );
  expect(vi).toBeTruthy();

  await page.goto("/w/demo/templates");
  const name = `Multilingual ${Date.now()} (e2e)`;
  await page.getByRole("button", { name: "New template" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/templates\/[0-9a-f-]{36}$/);

  const subject = page.getByLabel("Subject");
  await subject.fill('Hello {{ contact.firstName | default: "there" }}');

  // Add a Vietnamese variant: it starts as a copy of the default, then gets translated.
  await page.getByRole("button", { name: "Add locale" }).click();
  await page.getByLabel("Locale tag").fill("vi");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("locale-tab-vi")).toHaveAttribute("aria-selected", "true");
  await expect(subject).toHaveValue('Hello {{ contact.firstName | default: "there" }}');
  await subject.fill('Xin chào {{ contact.firstName | default: "bạn" }}');

  // Preview for a Vietnamese contact: the variant being edited, with the contact's name.
  await page.getByRole("button", { name: "Sample contact" }).click();
  await page.getByLabel("Search contacts").fill(vi!.email);
  await page
    // By the address: first names repeat across the demo's places, and the list shows every
    // contact until the search has answered.
    .getByRole("option", { name: new RegExp(vi!.email.replace(/[.+]/g, "\\$&")) })
    .first()
    .click();
  await expect(page.getByTestId("sample-label")).toContainText(vi!.first);
  await expect(page.getByTestId("preview-subject")).toHaveText(`Xin chào ${vi!.first}`);

  // The variable picker's formatting samples are in the sample contact's locale and zone.
  await page.getByRole("button", { name: "Insert variable" }).click();
  await expect(page.getByTestId("formatting-samples")).toContainText("vi-VN, Asia/Ho_Chi_Minh");
  await expect(page.getByTestId("formatting-samples")).toContainText("250.000");
  await page.keyboard.press("Escape");

  await page.screenshot(shot("templates-locale-variant-1440"));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot(shot("templates-locale-variant-1280"));

  // The default tab still previews the English content.
  await page.getByTestId("locale-tab-default").click();
  await expect(subject).toHaveValue('Hello {{ contact.firstName | default: "there" }}');
  await expect(page.getByTestId("preview-subject")).toHaveText(`Hello ${vi!.first}`);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-badge")).toHaveText("v1");
  const [row] = await sql<{ subject: string }>(
    page.request,
    `select v.content->'variants'->'vi'->>'subject' as subject from template_versions v
     join templates t on t.id = v.template_id where t.name = $1 and v.version = 1`,
    [name],
  );
  expect(row?.subject).toBe('Xin chào {{ contact.firstName | default: "bạn" }}');

  // A test send for the Vietnamese sample contact goes out in Vietnamese, as a real send would.
  await page.getByRole("button", { name: "Test send" }).click();
  await expect(page.getByLabel("Send to")).toHaveValue(MARKETER);
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-send-result")).toHaveText("Sent");
  const mail = await sink().waitFor(
    (m) => m.to.includes(MARKETER) && m.subject === `Xin chào ${vi!.first}`,
  );
  expect(mail.subject).toBe(`Xin chào ${vi!.first}`);
  const [message] = await sql<{ locale: string | null }>(
    page.request,
    `select m.template_locale as locale from messages m join templates t on t.id = m.template_id
     where t.name = $1 order by m.created_at desc limit 1`,
    [name],
  );
  expect(message?.locale).toBe("vi");
});
