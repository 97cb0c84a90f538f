import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

// No send pipeline writes messages yet, so the test arranges them as it would leave them: an
// email the built-in Outbox took (queued → sent → delivered → opened) and an SMS that failed.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const subject = `Your order has shipped ${run}`;
const smsBody = `Your code is 4821 (${run})`;
const reason = "Unreachable number: the carrier rejected it (21614)";
const shot = (name: string) => ({
  path: `e2e/.artifacts/screenshots/messages-${name}.png`,
  fullPage: true,
});
let contact = { id: "", externalId: "", email: "", phone: "" };

// A sandboxed iframe is drawn by its own renderer process; two animation frames let its first paint reach the screenshot.
const settle = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

const html = `<!doctype html><html><body style="margin:0;font-family:Helvetica,Arial,sans-serif;background:#f4f4f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="100%" style="max-width:560px;background:#fff;border-radius:8px"><tr><td style="padding:32px">
<h1 style="margin:0 0 12px;font-size:24px;color:#111">Good news, it's on its way</h1>
<p style="font-size:15px;line-height:1.5;color:#333">Order #1042 left our warehouse this morning and should arrive within two days.</p>
<p style="text-align:center;margin:28px 0"><a href="https://shop.example/track/1042" style="background:#4f46e5;color:#fff;padding:12px 22px;border-radius:6px;text-decoration:none">Track your parcel</a></p>
<p style="font-size:12px;color:#888">You get this because you ordered from Acme. <a href="https://shop.example/u">Unsubscribe</a></p>
</td></tr></table></td></tr></table></body></html>`;

// Times are seconds ago, not minutes: the log is newest first, and what other specs sent in the
// last few minutes would push these rows off its first page.
async function insertMessage(
  request: APIRequestContext,
  m: Record<string, string | null>,
  events: [string, number, Record<string, unknown>][],
) {
  const [row] = await sql<{ id: string }>(
    request,
    `insert into messages (workspace_id, contact_id, idempotency_key, channel, provider, origin, status, reason, recipient, content, created_at, sent_at, delivered_at, opened_at)
     values ((select id from workspaces where slug = 'demo'), $1, $2, $3::message_channel, $4, $5::jsonb, $6::message_status, $7, $8, $9::jsonb,
       now() - $10::float8 * interval '1 second', now() - $11::float8 * interval '1 second', now() - $12::float8 * interval '1 second', now() - $13::float8 * interval '1 second')
     returning id`,
    [
      contact.id,
      m.key!,
      m.channel!,
      m.provider!,
      m.origin!,
      m.status!,
      m.reason ?? null,
      m.recipient!,
      m.content!,
      m.created!,
      m.sent ?? null,
      m.delivered ?? null,
      m.opened ?? null,
    ],
  );
  for (const [type, secondsAgo, detail] of events) {
    await sql(
      request,
      `insert into message_events (workspace_id, message_id, type, occurred_at, detail)
       values ((select id from workspaces where slug = 'demo'), $1, $2::message_event_type, now() - $3::float8 * interval '1 second', $4::jsonb)`,
      [row!.id, type, String(secondsAgo), JSON.stringify(detail)],
    );
  }
  return row!.id;
}

test.beforeAll(async ({ request }) => {
  const [found] = await sql<{ id: string; external_id: string; email: string; phone: string }>(
    request,
    `select c.id, c.external_id, c.email, c.phone from contacts c join workspaces w on w.id = c.workspace_id
     where w.slug = 'demo' and c.email is not null and c.phone is not null and c.external_id is not null order by c.external_id limit 1`,
  );
  expect(found, "the demo seed has a contact with email and phone").toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    external_id: expect.stringMatching(/\S/),
    email: expect.stringContaining("@"),
    phone: expect.stringMatching(/^\+\d+$/),
  });
  contact = {
    id: found!.id,
    externalId: found!.external_id,
    email: found!.email,
    phone: found!.phone,
  };
  const email = {
    to: contact.email,
    from: "Acme Shop <hello@acme.test>",
    subject,
    html,
    text: "Good news, it's on its way.\n\nOrder #1042 left our warehouse this morning.\nTrack it: https://shop.example/track/1042",
    headers: { "List-Unsubscribe": "<https://shop.example/u>" },
  };
  await insertMessage(
    request,
    {
      key: `e2e:${run}:email`,
      channel: "email",
      provider: "outbox",
      origin: JSON.stringify({
        kind: "journey",
        journeyId: "00000000-0000-4000-8000-000000000001",
        version: 2,
        nodeId: "send-shipped",
        runId: run,
      }),
      status: "delivered",
      recipient: contact.email,
      content: JSON.stringify(email),
      created: "12",
      sent: "12",
      delivered: "12",
      opened: "5",
    },
    [
      ["queued", 12.2, {}],
      ["sent", 12.1, { provider: "outbox" }],
      ["delivered", 12, {}],
      ["opened", 5, { userAgent: "Mozilla/5.0 (iPhone)" }],
    ],
  );
  await insertMessage(
    request,
    {
      key: `e2e:${run}:sms`,
      channel: "sms",
      provider: "twilio",
      origin: JSON.stringify({ kind: "test", userId: null }),
      status: "failed",
      reason,
      recipient: contact.phone,
      content: JSON.stringify({ to: contact.phone, body: smsBody }),
      created: "3",
    },
    [
      ["queued", 3, {}],
      ["failed", 2.9, { reason: "Unreachable number: the carrier rejected it", code: "21614" }],
    ],
  );
});

test.describe("as the analyst", () => {
  test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1360, height: 900 } });

  test("reads the log, filters it, opens an email with its timeline, and finds it in the Outbox", async ({
    page,
  }) => {
    await page.goto("/w/demo/contacts");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Messages" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
    const rows = page.getByTestId("message-row");
    const emailRow = rows.filter({ hasText: subject });
    const smsRow = rows.filter({ hasText: smsBody });
    await expect(emailRow).toHaveCount(1);
    await expect(smsRow).toHaveCount(1);
    await expect(emailRow).toContainText(contact.externalId);
    await expect(emailRow).toContainText("Journey");
    await expect(emailRow.getByTestId("status-badge")).toHaveText("Delivered");
    await expect(emailRow.getByText(/^Opened /)).toBeAttached();
    await expect(smsRow.getByTestId("status-badge")).toHaveText("Failed");
    await expect(smsRow).toContainText(reason);
    await page.screenshot(shot("log"));

    await page.getByLabel("Channel").selectOption("email");
    await expect(page).toHaveURL(/[?&]channel=email/);
    await expect(smsRow).toHaveCount(0);
    await expect(emailRow).toHaveCount(1);
    await expect(rows.getByTestId("channel-badge").filter({ hasNotText: "Email" })).toHaveCount(0);
    await page.screenshot(shot("log-email-only"));

    // A shared link keeps the filter; a recipient search narrows further.
    await page.goto(page.url());
    await expect(page.getByLabel("Channel")).toHaveValue("email");
    await page
      .getByRole("searchbox", { name: "Search recipients" })
      .fill(contact.email.toUpperCase());
    await page.getByRole("searchbox", { name: "Search recipients" }).press("Enter");
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(emailRow).toHaveCount(1);

    await emailRow.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/w\/demo\/messages\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(contact.email);
    await expect(page.getByTestId("email-subject")).toHaveText(subject);
    await expect(page.getByTestId("email-content")).toContainText("Acme Shop <hello@acme.test>");
    const iframe = page.locator('iframe[title^="Email:"]');
    // Scripts are forbidden by the document's policy; the sandbox keeps it off this origin.
    await expect(iframe).toHaveAttribute("sandbox", "allow-scripts");
    await expect(iframe).toHaveAttribute("srcdoc", /script-src 'none'/);
    await expect(
      page
        .frameLocator('iframe[title^="Email:"]')
        .getByRole("heading", { name: "Good news, it's on its way" }),
    ).toBeVisible();
    await expect(page.getByTestId("email-text")).toContainText(
      "Track it: https://shop.example/track/1042",
    );
    const timeline = page.getByTestId("message-event");
    await expect(timeline).toHaveCount(4);
    await expect(timeline.nth(0)).toContainText("Queued");
    await expect(timeline.nth(1)).toContainText("Sent");
    await expect(timeline.nth(2)).toContainText("Delivered");
    await expect(timeline.nth(3)).toContainText("Opened");
    await expect(page.getByTestId("message-facts")).toContainText("Outbox (built-in)");
    const desktopWidth = (await iframe.boundingBox())!.width;
    await page.getByRole("button", { name: "Mobile" }).click();
    await expect(iframe).toHaveAttribute("data-width", "mobile");
    await expect.poll(async () => (await iframe.boundingBox())!.width).toBeLessThan(desktopWidth);
    await settle(page);
    await page.screenshot(shot("email-mobile"));
    await page.getByRole("button", { name: "Desktop" }).click();
    await expect(iframe).toHaveAttribute("data-width", "desktop");
    // The width animates back: wait for it to settle rather than reading it mid-transition.
    await expect.poll(async () => (await iframe.boundingBox())!.width).toBe(desktopWidth);
    await settle(page);
    await page.screenshot(shot("email"));

    // The failed SMS, from the log filtered by status: its reason and bubble.
    await page.goto("/w/demo/messages?status=failed&channel=sms");
    await smsRow.getByRole("link").first().click();
    await expect(page.getByTestId("sms-content")).toContainText(smsBody);
    await expect(page.getByTestId("message-facts")).toContainText(reason);
    await expect(page.getByTestId("message-event").nth(1)).toContainText(
      "Unreachable number: the carrier rejected it (21614)",
    );
    await page.screenshot(shot("sms-failed"));

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Outbox" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
    await expect(page.getByTestId("outbox-note")).toContainText(
      "Channels with no provider configured deliver here",
    );
    const item = page.getByTestId("outbox-item").filter({ hasText: subject });
    await expect(item).toHaveCount(1);
    // Only what the Outbox took: the SMS went to another provider.
    await expect(page.getByTestId("outbox-item").filter({ hasText: smsBody })).toHaveCount(0);
    await item.click();
    await expect(item).toHaveAttribute("aria-current", "true");
    await expect(page.getByTestId("outbox-reader").getByTestId("email-subject")).toHaveText(
      subject,
    );
    await expect(
      page
        .frameLocator('[data-testid="outbox-reader"] iframe')
        .getByRole("link", { name: "Track your parcel" }),
    ).toBeVisible();
    await settle(page);
    await page.screenshot(shot("outbox"));

    // The contact's profile lists both, newest first, each linking to its page.
    await page.goto(`/w/demo/contacts/${contact.id}`);
    const card = page.getByTestId("contact-messages");
    await expect(card.getByTestId("contact-message").filter({ hasText: smsBody })).toContainText(
      "Failed",
    );
    await expect(card.getByTestId("contact-message").filter({ hasText: subject })).toContainText(
      "Delivered",
    );
    await card.screenshot({ path: "e2e/.artifacts/screenshots/messages-contact-card.png" });
    await card.getByTestId("contact-message").filter({ hasText: subject }).click();
    await expect(page.getByTestId("email-subject")).toHaveText(subject);
  });
});
