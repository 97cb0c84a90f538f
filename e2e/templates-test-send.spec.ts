import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakeProviderResponder } from "../lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "../lib/channels/testing/http-sink";
import { DEMO_API_KEY, screenshotAtBothWidths, sql, storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";
import { createInEditor, pickSample } from "./template-editor-helpers";

/**
 * Issue #14, "also finish": the voice and in-app editors test-send as the email and SMS editors
 * do. A voice test calls the number the marketer types through Twilio (a sink on loopback here);
 * an in-app test lands in the inbox of a contact chosen in the dialog (the sample contact at
 * first), which the customer's app then reads.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
// Two contacts with user ids and first names of their own, so searches find only them.
const ines = { userId: `tsend-ines-${run}`, firstName: "Ines" };
const omar = { userId: `tsend-omar-${run}`, firstName: "Omar" };
const callee = `+1415555${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;

let sink: THttpSink;
let hadTwilio = false;

const asAdmin = (playwright: { request: typeof import("@playwright/test").request }) =>
  playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStateFor("admin") });

test.beforeAll(async ({ playwright, request }) => {
  sink = await startHttpSink({ respond: fakeProviderResponder });
  const admin = await asAdmin(playwright);
  const [existing] = await sql<{ n: number }>(
    admin,
    "select count(*)::int as n from channel_providers p join workspaces w on w.id = p.workspace_id and w.slug = 'demo' where p.kind = 'twilio'",
  );
  hadTwilio = existing!.n > 0;
  const res = await admin.put("/api/w/demo/channels/twilio", {
    data: {
      baseUrl: sink.url,
      accountSid: "AC00000000000000000000000000000e2e",
      authToken: "e2e-twilio-token",
      fromNumber: "+15005550006",
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  await admin.dispose();
  const batch = await request.post("/api/v1/batch", {
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
    data: {
      batch: [ines, omar].map((c) => ({
        type: "identify",
        userId: c.userId,
        traits: { firstName: c.firstName, email: `${c.userId}@example.com` },
      })),
    },
  });
  expect(batch.status(), await batch.text()).toBe(200);
});

test.afterAll(async ({ playwright }) => {
  // Later specs expect the demo's SMS and voice on the Outbox again.
  if (!hadTwilio) {
    const admin = await asAdmin(playwright);
    await admin.delete("/api/w/demo/channels/twilio");
    await admin.dispose();
  }
  await sink?.close();
});

/** The stored test message with this id. */
async function storedMessage(request: APIRequestContext, id: string) {
  const [row] = await sql<{
    channel: string;
    provider: string;
    status: string;
    is_test: boolean;
    recipient: string;
    user_id: string | null;
    origin: { kind: string };
  }>(
    request,
    `select m.channel, m.provider, m.status, m.is_test, m.recipient, c.external_id as user_id, m.origin
     from messages m left join contacts c on c.id = m.contact_id where m.id = $1`,
    [id],
  );
  return row;
}

/** The in-app inbox the customer's app reads for this user id (API key and `?userId=`). */
async function inboxOf(request: APIRequestContext, userId: string) {
  const res = await request.get(`/api/v1/inapp/messages?userId=${encodeURIComponent(userId)}`, {
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { messages: { id: string; title?: string; body?: string }[] })
    .messages;
}

/** Sends from the open dialog; resolves with the message id the test-send route answered. */
async function sendTest(page: Page) {
  const answered = page.waitForResponse(
    (r) => r.url().endsWith("/test-send") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Send test" }).click();
  const res = await answered;
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { messageId: string }).messageId;
}

test.describe("as the marketer", () => {
  test.describe.configure({ timeout: 150_000 });
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 1000 } });

  test("test-sends a voice message to a typed number: the call reaches Twilio with the contact's words, and the log lists it as a test", async ({
    page,
  }) => {
    await createInEditor(page, "Voice");
    await page
      .getByLabel("Speech")
      .fill('Hello {{ contact.firstName | default: "there" }}, your parcel arrives tomorrow.');
    await page.getByLabel("Voice", { exact: true }).fill("Polly.Joanna");
    await page.getByRole("textbox", { name: "Language" }).fill("en-GB");
    await pickSample(page, ines.userId, ines.firstName);
    await expect(page.getByTestId("voice-preview")).toContainText(`Hello ${ines.firstName}`);

    await page.getByRole("button", { name: "Test send" }).click();
    const dialog = page.getByRole("dialog", { name: "Send a test" });
    await expect(dialog).toContainText(`Personalised for ${ines.firstName}`);
    // A wrong number is refused in the dialog, beside the field.
    await dialog.getByLabel("Phone number").fill("call me");
    await dialog.getByRole("button", { name: "Send test" }).click();
    await expect(dialog.getByRole("alert")).toContainText("international format");
    await dialog.getByLabel("Phone number").fill(callee);
    const messageId = await sendTest(page);
    // The call goes out through the guarded client: slow on a loaded machine.
    await expect(dialog.getByTestId("test-send-result")).toHaveText("Sent", { timeout: 30_000 });
    await screenshotAtBothWidths(page, "templates-voice-test-send");

    const call = await sink.waitFor(
      (r) => r.path.endsWith("/Calls.json") && r.form().get("To") === callee,
    );
    expect(call.method).toBe("POST");
    expect(call.form().get("From")).toBe("+15005550006");
    const twiml = call.form().get("Twiml") ?? "";
    expect(twiml).toContain(`Hello ${ines.firstName}, your parcel arrives tomorrow.`);
    expect(twiml).toContain('voice="Polly.Joanna"');
    expect(twiml).toContain('language="en-GB"');
    expect(await storedMessage(page.request, messageId)).toMatchObject({
      channel: "voice",
      provider: "twilio",
      status: "sent",
      is_test: true,
      recipient: callee,
      origin: { kind: "test" },
    });
    await page.keyboard.press("Escape");

    // The message log finds it by the number it called, marked as a test.
    await page.goto(`/w/demo/messages?q=${encodeURIComponent(callee)}`);
    const rows = page.getByTestId("message-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(callee);
    await expect(rows.first().getByTestId("channel-badge")).toHaveText("Voice");
    await expect(rows.first()).toContainText("Test send");
  });

  test("test-sends an in-app message into the inbox of a contact chosen in the dialog, which the customer's app reads", async ({
    page,
  }) => {
    await createInEditor(page, "In-app");
    await page
      .getByLabel("Title", { exact: true })
      .fill('Hi {{ contact.firstName | default: "friend" }}');
    await page.getByLabel("Body", { exact: true }).fill(`Your plan changed (${run}).`);
    await page.getByRole("button", { name: "Remove button 1" }).click();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();

    // No sample contact yet: the dialog asks for one and sends nothing.
    await page.getByRole("button", { name: "Test send" }).click();
    const dialog = page.getByRole("dialog", { name: "Send a test" });
    await expect(dialog.getByTestId("inbox-contact")).toHaveText("No contact chosen yet");
    await expect(dialog.getByRole("button", { name: "Send test" })).toBeDisabled();
    await page.keyboard.press("Escape");

    // The sample contact is where it starts; the marketer sends it to another contact instead.
    await pickSample(page, ines.userId, ines.firstName);
    await expect(page.getByTestId("inapp-card")).toContainText(`Hi ${ines.firstName}`);
    await page.getByRole("button", { name: "Test send" }).click();
    await expect(dialog.getByTestId("inbox-contact")).toHaveText(ines.firstName);
    await dialog.getByRole("searchbox", { name: "Find another contact" }).fill(omar.userId);
    const options = dialog.getByRole("listbox", { name: "Contacts with an in-app inbox" });
    await expect(options.getByRole("option")).toHaveCount(1);
    await options.getByRole("option", { name: new RegExp(omar.firstName) }).click();
    await expect(dialog.getByTestId("inbox-contact")).toContainText(omar.firstName);
    await expect(dialog.getByTestId("inbox-contact")).toContainText(omar.userId);
    await expect(options.getByRole("option", { name: new RegExp(omar.firstName) })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const messageId = await sendTest(page);
    await expect(dialog.getByTestId("test-send-result")).toHaveText(
      `In ${omar.firstName}'s inbox now`,
    );
    await screenshotAtBothWidths(page, "templates-in-app-test-send");

    expect(await storedMessage(page.request, messageId)).toMatchObject({
      channel: "in_app",
      provider: "in_app",
      status: "delivered",
      is_test: true,
      user_id: omar.userId,
      origin: { kind: "test" },
    });
    // Omar's app shows it, personalised for him; Ines's inbox does not hold it.
    const omarsInbox = await inboxOf(page.request, omar.userId);
    expect(omarsInbox.find((m) => m.id === messageId)).toMatchObject({
      title: `Hi ${omar.firstName}`,
      body: `Your plan changed (${run}).`,
    });
    expect((await inboxOf(page.request, ines.userId)).map((m) => m.id)).not.toContain(messageId);
  });
});
