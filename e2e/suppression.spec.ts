import { expect, test } from "@playwright/test";
import {
  makeSigningCertificate,
  sesBounce,
  signedSnsMessage,
  startSnsCertServer,
} from "../lib/deliverability/testing/sns-fixtures";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";

/**
 * A hard bounce arrives from SES through a signed SNS notification; the next campaign and journey
 * sends to that contact are skipped with reason "suppressed" (the message log says so); the admin
 * removes the suppression in Settings → Suppression and the sends go through. The SNS signing
 * certificate is made here and served on loopback (the server allows that host in tests only).
 */
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const run = Date.now().toString(36);
const email = `bounce-${run}@example.com`;
const eventName = `suppression.e2e_${run}`;

test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

test("a hard bounce suppresses the contact for campaigns and journeys until the admin removes it", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const cert = makeSigningCertificate();
  const certServer = await startSnsCertServer(cert.pem);
  try {
    // The customer's backend creates the contact.
    const api = (path: string, body: unknown) =>
      request.post(`/api/v1/${path}`, {
        data: body,
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
      });
    const identified = await api("identify", {
      userId: `bounce-${run}`,
      traits: { email, firstName: "Bea", suppressionRun: run },
    });
    expect(identified.status(), await identified.text()).toBe(200);

    // The admin copies the SNS feedback URL from Settings → Suppression.
    await page.goto("/w/demo/settings/suppression");
    await expect(page.getByRole("heading", { name: "Suppressed addresses" })).toBeVisible();
    const snsUrl = await page.getByTestId("feedback-url-sns").getByRole("textbox").inputValue();
    expect(snsUrl).toMatch(/\/api\/webhooks\/feedback\/sns\/[0-9a-f-]{36}\/[\w-]+$/);

    // SES reports a permanent bounce through SNS, signed with the test's certificate.
    const notification = signedSnsMessage(cert.privateKey, certServer.certUrl, {
      Message: sesBounce(email),
    });
    const posted = await request.post(new URL(snsUrl).pathname, {
      data: JSON.stringify(notification),
      headers: { "content-type": "text/plain; charset=UTF-8" },
    });
    expect(posted.status(), await posted.text()).toBe(200);
    expect(await posted.json()).toMatchObject({ applied: 1 });
    // A forged copy is refused.
    const forged = await request.post(new URL(snsUrl).pathname, {
      data: JSON.stringify({ ...notification, Message: sesBounce(`other-${email}`) }),
    });
    expect(forged.status()).toBe(403);

    await page.reload();
    const row = page.getByTestId(`suppression-${email}`);
    await expect(row).toContainText("Hard bounce");
    await expect(row).toContainText("Amazon SES");
    await page.screenshot(shot("settings-suppression-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("settings-suppression-1280"));
    await page.setViewportSize({ width: 1440, height: 900 });

    // A journey that emails whoever performs the event, and a campaign to a segment of this run.
    const [template] = await sql<{ id: string }>(
      page.request,
      "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome email'",
    );
    const created = await page.request.post("/api/w/demo/journeys", {
      data: { name: `Suppression ${run}` },
    });
    expect(created.status()).toBe(201);
    const journeyId = (await created.json()).journey.id as string;
    const node = (id: string, type: string, y: number, data: Record<string, unknown>) => ({
      id,
      type,
      position: { x: 300, y },
      data,
    });
    const saved = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
      data: {
        graph: {
          nodes: [
            node("start", "trigger", 0, { kind: "event", event: eventName, filters: [] }),
            node("mail", "send", 140, { channel: "email", templateId: template!.id }),
            node("end", "exit", 280, {}),
          ],
          edges: [
            { id: "e1", source: "start", sourceHandle: null, target: "mail" },
            { id: "e2", source: "mail", sourceHandle: null, target: "end" },
          ],
        },
        settings: { entry: { mode: "while_not_inside" } },
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const published = await page.request.post(`/api/w/demo/journeys/${journeyId}/publish`);
    expect(published.status(), await published.text()).toBe(200);
    const segment = await page.request.post("/api/w/demo/segments", {
      data: {
        name: `Suppression ${run}`,
        definition: {
          kind: "group",
          match: "all",
          conditions: [
            { kind: "attribute", key: "suppressionRun", type: "string", op: "equals", value: run },
          ],
        },
      },
    });
    expect(segment.status(), await segment.text()).toBe(201);
    const segmentId = (await segment.json()).segment.id as string;
    const sendCampaign = async (name: string) => {
      const res = await page.request.post("/api/w/demo/campaigns?launch=1", {
        data: {
          name,
          audience: { kind: "segment", segmentId },
          channel: "email",
          treatments: [{ label: "A", templateId: template!.id, templateVersion: 1, percent: 100 }],
          holdoutPercent: 0,
          schedule: { kind: "now" },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()).run.id as string;
    };
    const deliveryStatus = async (runId: string) =>
      (
        await sql<{ status: string }>(
          page.request,
          "select status from campaign_deliveries where run_id = $1",
          [runId],
        )
      )[0]?.status;
    const journeyMessages = async () =>
      sql<{ status: string; reason: string | null }>(
        page.request,
        "select status, reason from messages where origin->>'journeyId' = $1 order by created_at",
        [journeyId],
      );

    // The campaign skips them as suppressed; its run page counts them.
    const firstRun = await sendCampaign(`Suppressed ${run}`);
    await expect.poll(() => deliveryStatus(firstRun), { timeout: 60_000 }).toBe("suppressed");
    await page.goto(`/w/demo/campaigns/runs/${firstRun}`);
    await expect(page.getByTestId("run-status")).toHaveText("Completed", { timeout: 60_000 });
    await expect(page.getByTestId("count-suppressed")).toHaveText("1");

    // The journey's send is skipped with the reason.
    expect((await api("track", { userId: `bounce-${run}`, event: eventName })).status()).toBe(200);
    await expect
      .poll(async () => (await journeyMessages()).map((m) => [m.status, m.reason]), {
        timeout: 60_000,
      })
      .toEqual([["skipped", "suppressed (hard bounce)"]]);

    // The message log shows both skips and why.
    await page.goto(`/w/demo/messages?q=${encodeURIComponent(email)}`);
    const rows = page.getByTestId("message-row");
    await expect(rows).toHaveCount(2);
    for (const r of await rows.all()) await expect(r).toContainText("suppressed (hard bounce)");

    // The admin removes the suppression.
    await page.goto(`/w/demo/settings/suppression?q=${encodeURIComponent(email)}`);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Remove ${email}` }).click();
    await expect(page.getByTestId(`suppression-${email}`)).toHaveCount(0);

    // Now both go through.
    const secondRun = await sendCampaign(`After removal ${run}`);
    await expect.poll(() => deliveryStatus(secondRun), { timeout: 60_000 }).toBe("sent");
    expect((await api("track", { userId: `bounce-${run}`, event: eventName })).status()).toBe(200);
    await expect
      .poll(async () => (await journeyMessages()).map((m) => m.status), { timeout: 60_000 })
      .toEqual(["skipped", "delivered"]);
  } finally {
    await certServer.close();
  }
});
