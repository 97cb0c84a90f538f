import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, DEMO_PASSWORD, signedOut, sql } from "./helpers";

/**
 * Settings → Event stream, against the production build and its own executor: an admin adds a
 * signed webhook pointed at a loopback receiver (which checks every signature), sees an identify
 * sent through the API arrive, and replays a dead letter from the page.
 */
type TEvent = { id: string; type: string; contact?: { userId?: string } };
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

test.describe("as the admin", () => {
  // Signs in itself (no stored session), so the spec also runs alone with --no-deps.
  test.use({ ...signedOut, viewport: { width: 1440, height: 900 } });
  let server: http.Server;
  let url = "";
  let secret = "";
  const received: TEvent[] = [];
  let badSignatures = 0;

  test.beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const header = String(req.headers["waymark-signature"] ?? "");
        const t = /t=(\d+)/.exec(header)?.[1] ?? "";
        const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1] ?? "";
        const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
        if (!secret || !v1 || !timingSafeEqual(Buffer.from(v1, "hex"), expected)) {
          badSignatures++;
          res.writeHead(401).end();
          return;
        }
        received.push(...(JSON.parse(body) as { events: TEvent[] }).events);
        res.writeHead(200).end("{}");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  });
  test.afterAll(async ({ request }) => {
    await sql(request, "delete from stream_destinations where name like 'E2E warehouse%'");
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test("adds a signed webhook, receives events, replays a dead letter", async ({
    page,
    request,
  }) => {
    // Sign-in, a delivery round of the minute job and a replay: more than the default minute.
    test.setTimeout(300_000);
    const name = `E2E warehouse ${Date.now()}`;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("admin@demo.waymark.dev");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/journeys$/, { timeout: 60_000 });
    await page.goto("/w/demo/settings");
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "Event stream" })
      .click();
    await expect(page).toHaveURL(/\/w\/demo\/settings\/stream$/);
    await page.getByRole("button", { name: "Add destination" }).click();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("URL").fill("ftp://nope");
    await page.getByRole("button", { name: "Add destination" }).last().click();
    await expect(page.locator("#dest-url-error")).toContainText("http(s) URL");
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Events per request").fill("10");
    await page.getByRole("button", { name: "Add destination" }).last().click();
    const secretField = page.getByLabel("Signing secret", { exact: true });
    await expect(secretField).toHaveValue(/^whsec_/);
    secret = await secretField.inputValue();
    await page.getByRole("button", { name: "Done" }).click();
    const card = page.getByTestId(`destination-${name}`);
    await expect(card).toContainText(url);

    await card.getByRole("button", { name: "Send test event" }).click();
    await expect(card.getByTestId("test-result")).toHaveText("Test event delivered.");
    expect(received.some((e) => e.type === "stream.test")).toBe(true);

    const userId = `e2e-stream-${Date.now()}`;
    const res = await request.post("/api/v1/identify", {
      headers: { authorization: `Bearer ${DEMO_API_KEY}` },
      data: { userId, traits: { email: `${userId}@example.com` } },
    });
    expect(res.status()).toBe(200);
    // The stream-delivery job runs every minute and polls every few seconds within its run.
    await expect
      .poll(
        () => received.find((e) => e.type === "contact.identified" && e.contact?.userId === userId),
        {
          timeout: 120_000,
        },
      )
      .toBeTruthy();
    expect(badSignatures).toBe(0);
    await page.reload();
    await expect(card.getByTestId("delivered-count")).not.toHaveText(/^0 events/);

    // A batch that failed for the whole retry window (arranged here: 24 h is long for a test).
    const [dest] = await sql<{ id: string }>(
      request,
      "select id from stream_destinations where name = $1",
      [name],
    );
    const dead = { id: "evt_e2e_dead_1", type: "message.delivered", data: {}, contact: null };
    await sql(
      request,
      `insert into stream_dead_letters (workspace_id, destination_id, events, event_count, attempts, error, first_failed_at)
       select workspace_id, id, $2::jsonb, 1, 12, 'The webhook answered HTTP 503', now() - interval '1 day' from stream_destinations where id = $1`,
      [dest!.id, JSON.stringify([dead])],
    );
    await page.reload();
    await expect(card.getByTestId("dead-letters")).toContainText("HTTP 503");
    await page.screenshot(shot("admin-settings-stream-1440"));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot(shot("admin-settings-stream-1280"));
    await card.getByRole("button", { name: "Replay" }).click();
    await expect(card.getByTestId("dead-letters")).toHaveCount(0);
    expect(received.filter((e) => e.id === "evt_e2e_dead_1")).toHaveLength(1);
  });
});
