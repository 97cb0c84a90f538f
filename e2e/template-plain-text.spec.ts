import { expect, test } from "@playwright/test";
import { DEMO_USERS, sql, storageStateFor } from "./helpers";
import { demoSmtpSink } from "./demo-smtp-sink";

const MARKETER = DEMO_USERS.find((u) => u.role === "marketer")!.email;
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

// A real SMTP server in the test process, the demo workspace's SMTP provider pointed at it.
const sink = demoSmtpSink();

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 1000 } });

test("a marketer writes an email's plain-text version, previews it for a contact, publishes, and the test send carries it as the text part", async ({
  page,
}) => {
  const [contact] = await sql<{ first: string; email: string }>(
    page.request,
    `select c.attributes->>'firstName' as first, c.email from contacts c join workspaces w on w.id = c.workspace_id
     where w.slug = 'demo' and c.email is not null and c.attributes->>'firstName' ~ '^[A-Za-z]{3,}$'
     order by c.created_at limit 1`,
  );
  expect(contact).toBeTruthy();

  await page.goto("/w/demo/templates");
  const name = `Plain text ${Date.now()} (e2e)`;
  await page.getByRole("button", { name: "New template" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/templates\/[0-9a-f-]{36}$/);
  await page.getByLabel("Subject").fill("Your receipt");

  // Without a plain-text version the text part is made from the blocks; the card starts closed.
  const card = page.getByTestId("plain-text-card");
  await expect(card).not.toHaveAttribute("open");
  await card.getByText("Plain-text version").click();
  const text = 'Hi {{ contact.firstName | default: "there" }},\n\nThanks for your order.';
  await page.getByLabel("Text part").fill(text);

  await page.getByRole("button", { name: "Sample contact" }).click();
  await page.getByLabel("Search contacts").fill(contact!.email);
  await page
    .getByRole("option", { name: new RegExp(contact!.email.replace(/[.+]/g, "\\$&")) })
    .first()
    .click();
  await expect(page.getByTestId("sample-label")).toContainText(contact!.first);
  await page.getByRole("tab", { name: "Plain text" }).click();
  await expect(page.getByTestId("preview-text")).toHaveText(
    `Hi ${contact!.first},\n\nThanks for your order.`,
  );
  await page.screenshot(shot("templates-plain-text-1440"));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot(shot("templates-plain-text-1280"));

  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-badge")).toHaveText("v1");
  const [row] = await sql<{ plain: string }>(
    page.request,
    `select v.content->>'plainText' as plain from template_versions v
     join templates t on t.id = v.template_id where t.name = $1 and v.version = 1`,
    [name],
  );
  expect(row?.plain).toBe(text);

  // The test send (for the sample contact) carries the rendered text as its text/plain part.
  await page.getByRole("button", { name: "Test send" }).click();
  await expect(page.getByLabel("Send to")).toHaveValue(MARKETER);
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-send-result")).toHaveText("Sent");
  const mail = await sink().waitFor((m) => m.to.includes(MARKETER) && m.subject === "Your receipt");
  expect(mail.text.replace(/\r\n/g, "\n").trim()).toMatch(
    new RegExp(`^Hi ${contact!.first},\n\nThanks for your order\\.`),
  );
  expect(mail.html).not.toContain("Thanks for your order.");
});
