import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { fakeProviderResponder } from "../lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "../lib/channels/testing/http-sink";
import { startSmtpSink, type TSmtpSink } from "../lib/channels/testing/smtp-sink";
import { DEMO_API_KEY, DEMO_PASSWORD } from "./helpers";
import { E2E_AUTH_SECRET, E2E_FAULT_PORT, e2eServerCommand, e2eServerEnv } from "./server";

/**
 * Fault test: the app is killed (SIGKILL, no goodbye) right after contacts enter a journey and
 * again while they sleep in its wait. Each restart resumes from the database, and every contact
 * still gets each message once: one message row, and at the provider one Message-ID (a mail the
 * server accepted just before the kill may be handed over again under it, never as a new message).
 */
const PORT = E2E_FAULT_PORT;
const BASE = `http://127.0.0.1:${PORT}`;
const DIR = ".data/e2e/fault-pglite";

async function startServer(fresh: boolean): Promise<ChildProcess> {
  const cmd = fresh
    ? e2eServerCommand(PORT, DIR)
    : e2eServerCommand(PORT, DIR).replace(/^rm -rf \S+ && /, "");
  const env = {
    ...process.env,
    ...e2eServerEnv({
      AUTH_SECRET: E2E_AUTH_SECRET,
      WAYMARK_INTERNAL_URL: BASE,
      PORT: String(PORT),
    }),
  };
  // Its own process group, so the kill takes the whole server (the shell and node server.js).
  const child = spawn("sh", ["-c", cmd], { detached: true, stdio: "ignore", env });
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${BASE}/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function crash(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 40; i++) {
    if (
      await fetch(`${BASE}/sign-in`).then(
        () => false,
        () => true,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const sqlAt = async <T>(request: APIRequestContext, query: string, params: unknown[] = []) =>
  (
    (await (
      await request.post(`${BASE}/api/test/sql`, {
        headers: { "x-test-secret": E2E_AUTH_SECRET },
        data: { query, params },
      })
    ).json()) as { rows: T[] }
  ).rows;

test("killed between steps and during a wait, the app resumes every run and sends each message once", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const smtp: TSmtpSink = await startSmtpSink();
  const sms: THttpSink = await startHttpSink({ respond: fakeProviderResponder });
  let server = await startServer(true);
  try {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("admin@demo.waymark.dev");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/demo\//);
    const r = page.request;

    expect(
      (
        await r.put("/api/w/demo/channels/smtp", {
          data: { host: "127.0.0.1", port: smtp.port, secure: false, from: "hello@acme.test" },
        })
      ).status(),
    ).toBe(200);
    expect(
      (
        await r.put("/api/w/demo/channels/twilio", {
          data: {
            baseUrl: sms.url,
            accountSid: "AC0000000000000000000000000000fault",
            authToken: "fault-token",
            fromNumber: "+15005550006",
          },
        })
      ).status(),
    ).toBe(200);
    const [email] = await sqlAt<{ id: string }>(
      r,
      "select id from templates where name = 'Welcome email'",
    );
    const [coupon] = await sqlAt<{ id: string }>(
      r,
      "select id from templates where name = 'Cart reminder SMS'",
    );
    const journeyId = (
      await (await r.post("/api/w/demo/journeys", { data: { name: "Crash-proof welcome" } })).json()
    ).journey.id as string;
    const n = (id: string, type: string, data: Record<string, unknown>) => ({
      id,
      type,
      position: { x: 0, y: 0 },
      data,
    });
    const graph = {
      nodes: [
        n("t", "trigger", { kind: "event", event: "fault.signed_up", filters: [] }),
        n("mail", "send", { channel: "email", templateId: email!.id }),
        n("wait", "wait", { kind: "duration", amount: 2, unit: "minutes" }),
        n("text", "send", { channel: "sms", templateId: coupon!.id }),
        n("x", "exit", {}),
      ],
      edges: ["t-mail", "mail-wait", "wait-text", "text-x"].map((id) => ({
        id,
        source: id.split("-")[0]!,
        sourceHandle: null,
        target: id.split("-")[1]!,
      })),
    };
    expect(
      (
        await r.patch(`/api/w/demo/journeys/${journeyId}`, {
          data: { graph, settings: { entry: { mode: "once" } } },
        })
      ).status(),
    ).toBe(200);
    expect((await r.post(`/api/w/demo/journeys/${journeyId}/publish`, { data: {} })).status()).toBe(
      200,
    );

    const people = [1, 2, 3].map((i) => ({
      userId: `fault-${i}`,
      email: `fault-${i}@example.com`,
      phone: `+3361234568${i}`,
    }));
    const batch = people.flatMap((p) => [
      {
        type: "identify",
        userId: p.userId,
        traits: { email: p.email, phone: p.phone, firstName: "Sam" },
      },
      {
        type: "track",
        userId: p.userId,
        event: "fault.signed_up",
        messageId: `fault-signup-${p.userId}`,
      },
    ]);
    expect(
      (
        await r.post("/api/v1/batch", {
          data: { batch },
          headers: { authorization: `Bearer ${DEMO_API_KEY}` },
        })
      ).status(),
    ).toBe(200);

    // Crash 1: the runs were just queued (some may be mid-step).
    await crash(server);
    server = await startServer(false);
    for (const p of people) await smtp.waitFor((m) => m.to.includes(p.email), 90_000);

    // Crash 2: everyone is asleep in the two-minute wait.
    // (the executor has stored each run's sleep: its timers are what must survive)
    await expect
      .poll(
        async () =>
          (
            await sqlAt<{ n: number }>(
              r,
              "select count(*)::int as n from executor_waits w join executor_runs r on r.id = w.run_id where w.kind = 'sleep' and r.event->'data'->>'journeyId' = $1",
              [journeyId],
            )
          )[0]?.n,
        { timeout: 30_000 },
      )
      .toBe(3);
    await crash(server);
    server = await startServer(false);
    const clock = await r.post("/api/test/clock", {
      data: { advanceMs: 10 * 60_000 },
      headers: { "x-test-secret": E2E_AUTH_SECRET },
    });
    expect(clock.status(), await clock.text()).toBe(200);

    for (const p of people)
      await sms.waitFor(
        (q) => q.path.endsWith("/Messages.json") && q.form().get("To") === p.phone,
        90_000,
      );
    await expect
      .poll(
        async () =>
          (
            await sqlAt<{ n: number }>(
              r,
              "select count(*)::int as n from journey_entries where journey_id = $1 and status = 'completed'",
              [journeyId],
            )
          )[0]?.n,
        { timeout: 30_000 },
      )
      .toBe(3);
    // Once per message: one message row per step (the count below) and one SMS per contact. The
    // welcome email goes out before crash 1, which may land after the SMTP server accepted a mail
    // but before its row says so; the stale claim is then taken over (STALE_SENDING_MS in
    // db/queries/messages.ts) and the mail handed over again under the same Message-ID, the
    // at-least-once window docs/templates-and-sending.md describes. So every mail a contact gets
    // is that one message: one Message-ID, never a second message.
    for (const p of people) {
      const mails = smtp.mails.filter((m) => m.to.includes(p.email));
      expect(mails.length).toBeGreaterThanOrEqual(1);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
      expect(sms.requests.filter((q) => q.form().get("To") === p.phone)).toHaveLength(1);
    }
    const [sent] = await sqlAt<{ n: number }>(
      r,
      "select count(*)::int as n from messages where origin->>'journeyId' = $1 and status in ('sent', 'delivered')",
      [journeyId],
    );
    expect(sent!.n).toBe(6);

    // On PostgreSQL this server shares the suite's database: leave it as the other specs expect.
    expect((await r.post(`/api/w/demo/journeys/${journeyId}/stop`, { data: {} })).status()).toBe(
      200,
    );
    for (const kind of ["smtp", "twilio"]) await r.delete(`/api/w/demo/channels/${kind}`);
    await sqlAt(r, "update executor_clock set offset_ms = 0");
    await context.close();
  } finally {
    await crash(server);
    await smtp.close();
    await sms.close();
  }
});
