import { expect, test, type Page } from "@playwright/test";
import { DEMO_API_KEY, screenshotAtBothWidths, sql, storageStateFor } from "./helpers";

/**
 * Issue #14, item 10: the message search finds what its placeholder promises (email, phone
 * number, user id), also through the contact a message went to, and a push's recipient names
 * the contact rather than "1 device". Two fresh contacts get real sends through the API (to the
 * demo's Outbox), and the marketer searches the log for each.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const digits = () => String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
const ana = { userId: `search-ana-${run}`, phone: `+3361${digits()}`, tag: `ana ${run}` };
let bo = { userId: `search-bo-${run}`, phone: `+3362${digits()}`, tag: `bo ${run}` };
// Never one number inside the other: the search matches any part of an address.
if (bo.phone === ana.phone) bo = { ...bo, phone: `+3363${digits()}` };

const auth = { authorization: `Bearer ${DEMO_API_KEY}` };

test.beforeAll(async ({ request }) => {
  const identified = await request.post("/api/v1/batch", {
    headers: auth,
    data: {
      batch: [
        {
          type: "identify",
          userId: ana.userId,
          email: `${ana.userId}@example.com`,
          phone: ana.phone,
          pushTokens: [{ platform: "android", token: `e2e-search-token-${run}` }],
          traits: { firstName: "Ana" },
        },
        {
          type: "identify",
          userId: bo.userId,
          email: `${bo.userId}@example.com`,
          phone: bo.phone,
          traits: { firstName: "Bo" },
        },
      ],
    },
  });
  expect(identified.status(), await identified.text()).toBe(200);
  // Email, SMS and push to Ana; email and SMS to Bo. Each summary names whose it is.
  const sends: [string, Record<string, string>, string[]][] = [
    ["email", { subject: "Receipt", body: "Thanks" }, [ana.userId, bo.userId]],
    ["sms", { body: "Your code" }, [ana.userId, bo.userId]],
    ["push", { title: "Back in stock", body: "Trail shoes" }, [ana.userId]],
  ];
  for (const [channel, content, userIds] of sends) {
    const res = await request.post("/api/v1/messages", {
      headers: auth,
      data: {
        channel,
        content: Object.fromEntries(
          Object.entries(content).map(([k, v]) => [k, `${v} ({{ context.tag }})`]),
        ),
        recipients: userIds.map((userId) => ({
          userId,
          context: { tag: userId === ana.userId ? ana.tag : bo.tag },
        })),
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    const { results } = (await res.json()) as { results: { status: string; reason: string }[] };
    expect(results.map((r) => [r.status, r.reason])).toEqual(
      userIds.map(() => ["SUCCESSFUL", null]),
    );
  }
});

async function search(page: Page, q: string) {
  const box = page.getByRole("searchbox", { name: "Search recipients" });
  await box.fill(q);
  await box.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(q);
}

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

test("the marketer finds a contact's messages by user id and by phone number, and a push names its contact", async ({
  page,
}) => {
  await page.goto("/w/demo/messages");
  const rows = page.getByTestId("message-row");
  const anas = rows.filter({ hasText: ana.tag });
  const bos = rows.filter({ hasText: bo.tag });

  // By user id: the email and SMS (sent to Ana's address, found through her) and the push.
  await search(page, ana.userId);
  await expect(anas).toHaveCount(3);
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("messages-total")).toContainText("3");
  await expect(anas.getByTestId("channel-badge")).toHaveText(["Push", "SMS", "Email"]);
  const push = anas.filter({ has: page.getByTestId("channel-badge").getByText("Push") });
  // The push went to her device, and the log says whose: her user id, then the device count.
  await expect(push.getByTestId("message-recipient")).toHaveText(`${ana.userId} · 1 device`);
  await expect(anas.filter({ hasText: "Receipt" }).getByTestId("message-recipient")).toHaveText(
    `${ana.userId}@example.com`,
  );
  await expect(anas.filter({ hasText: "Your code" }).getByTestId("message-recipient")).toHaveText(
    ana.phone,
  );
  await screenshotAtBothWidths(page, "messages-search-user-id");

  // By phone number: Bo's SMS went to it and his email is found through him; nothing of Ana's.
  await search(page, bo.phone);
  await expect(bos).toHaveCount(2);
  await expect(rows).toHaveCount(2);
  await expect(anas).toHaveCount(0);
  await expect(bos.getByTestId("channel-badge")).toHaveText(["SMS", "Email"]);
  await screenshotAtBothWidths(page, "messages-search-phone");

  // The push's own page names the contact too.
  await search(page, ana.userId);
  await push.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/w\/demo\/messages\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ana.userId);
  const [stored] = await sql<{ recipient: string }>(
    page.request,
    "select recipient from messages where id = $1",
    [new URL(page.url()).pathname.split("/").pop()!],
  );
  expect(stored!.recipient).toBe(`${ana.userId} · 1 device`);
  await screenshotAtBothWidths(page, "messages-search-push");
});
