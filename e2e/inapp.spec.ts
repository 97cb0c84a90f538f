import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";

/**
 * The in-app channel from the customer's side: a message lands in a contact's inbox, the
 * customer's server mints a contact token with the API key, and their page (another origin) shows
 * the message with the one-line embed; dismissing it is recorded.
 */
test.use({ storageState: storageStateFor("marketer") });

test("a customer's page shows the contact's in-app message with the embed script and records its dismissal", async ({
  page,
  request,
}) => {
  const [contact] = await sql<{ id: string; user_id: string; first: string }>(
    request,
    "select c.id, c.external_id as user_id, c.attributes->>'firstName' as first from contacts c join workspaces w on w.id = c.workspace_id where w.slug = 'demo' and c.external_id is not null and c.attributes->>'firstName' ~ '^[A-Za-z]+$' order by c.created_at limit 1",
  );
  const [template] = await sql<{ id: string }>(
    request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome in-app'",
  );
  const sent = await page.request.post(`/api/w/demo/templates/${template!.id}/test-send`, {
    data: { sampleContactId: contact!.id },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const { messageId, status } = await sent.json();
  expect(status).toBe("delivered");

  const minted = await request.post("/api/v1/inapp/token", {
    data: { userId: contact!.user_id },
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });
  expect(minted.status()).toBe(200);
  const { token } = await minted.json();

  // Another origin entirely: the customer's page.
  await page.setContent(
    `<!doctype html><html><body><h1>Acme shop</h1><script src="${E2E_BASE_URL}/waymark-inapp.js" data-token="${token}"></script></body></html>`,
  );
  const card = page.locator(`[data-waymark-inapp="${messageId}"]`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(`Welcome, ${contact!.first}!`);
  await expect(card.getByRole("button", { name: "Take the tour" })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/screenshots/inapp-embed.png" });
  await card.getByRole("button", { name: "Later" }).click();
  await expect(card).toHaveCount(0);

  await expect
    .poll(
      async () =>
        (
          await sql<{ seen: boolean; dismissed: boolean }>(
            request,
            "select seen_at is not null as seen, dismissed_at is not null as dismissed from messages where id = $1",
            [messageId],
          )
        )[0],
    )
    .toEqual({ seen: true, dismissed: true });
  // A token is good for its own contact only: the inbox now holds nothing for them, and a forged token is refused.
  const inbox = await request.get("/api/v1/inapp/messages", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect((await inbox.json()).messages.map((m: { id: string }) => m.id)).not.toContain(messageId);
  expect(
    (
      await request.get("/api/v1/inapp/messages", {
        headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
      })
    ).status(),
  ).toBe(401);
});
