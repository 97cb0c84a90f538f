import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, storageStateFor } from "./helpers";

// A transactional send and a one-time passcode through the public API with the demo's secret key,
// then the message log: the Transactional badge, the Kind filter, the message's page, and the
// dashboards' Transactional table. Screenshots at desktop (1440) and laptop (1280) widths.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const shot = (name: string) => ({
  path: `e2e/.artifacts/screenshots/transactional-${name}.png`,
  fullPage: true,
});
const auth = { authorization: `Bearer ${DEMO_API_KEY}` };

test.use({ storageState: storageStateFor("admin") });

test("an API send shows as Transactional in the message log, with its own filter", async ({
  page,
  request,
}) => {
  // Email and SMS go to the Outbox here, whatever provider an earlier spec on this server left.
  for (const kind of ["smtp", "twilio"]) {
    const off = await page.request.delete(`/api/w/demo/channels/${kind}`);
    expect([200, 204, 404], await off.text()).toContain(off.status());
  }
  const sent = await request.post("/api/v1/messages", {
    headers: auth,
    data: {
      channel: "email",
      template: { name: "Order confirmation" },
      idempotencyKey: `e2e-${run}`,
      recipients: [
        { email: `buyer-${run}@example.com`, context: { orderId: `E-${run}`, total: "€12.00" } },
      ],
    },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const [result] = (await sent.json()).results as { status: string; messageId: string }[];
  expect(result!.status).toBe("SUCCESSFUL");

  const otp = await request.post("/api/v1/otp", {
    headers: auth,
    data: {
      channel: "sms",
      destination: `+1415555${String(1000 + Math.floor(Math.random() * 8999))}`,
      brandName: "Acme",
      referenceId: `login-${run}`,
    },
  });
  expect(otp.status(), await otp.text()).toBe(200);

  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/w/demo/messages?kind=transactional");
    const row = page.getByTestId("message-row").filter({ hasText: `buyer-${run}@example.com` });
    await expect(row.getByTestId("transactional-badge")).toBeVisible();
    await expect(
      page.getByTestId("message-row").filter({ hasText: "One-time passcode" }).first(),
    ).toBeVisible();
    await page.screenshot(shot(`log-${width}`));
  }
  // Journeys & campaigns only: no transactional row left.
  await page.goto("/w/demo/messages?kind=bulk");
  await expect(page.getByTestId("transactional-badge")).toHaveCount(0);

  await page.goto(`/w/demo/messages/${result!.messageId}`);
  await expect(page.getByTestId("message-facts").getByTestId("transactional-badge")).toBeVisible();
  await expect(page.getByText(`Order E-${run} confirmed`).first()).toBeVisible();
  await page.screenshot(shot("message-1280"));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/w/demo/dashboards");
  await expect(page.getByTestId("table-transactional")).toBeVisible();
  await page.screenshot(shot("dashboard-1440"));
});
