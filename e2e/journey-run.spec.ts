import { expect, test, type APIRequestContext } from "@playwright/test";
import { fakeProviderResponder } from "../lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "../lib/channels/testing/http-sink";
import { startSmtpSink, type TSmtpSink } from "../lib/channels/testing/smtp-sink";
import { DEMO_API_KEY, sql, storageStateFor } from "./helpers";
import { E2E_AUTH_SECRET, E2E_BASE_URL } from "./server";

/**
 * The whole product on one machine, no Inngest server: a marketer publishes the welcome journey on
 * the canvas, the customer's backend sends sign-ups through the API, the local executor runs each
 * contact through it over Inngest's protocol, mail reaches a real SMTP server, the two-minute wait
 * passes on the test clock, a buyer takes the "bought" branch and the others get the SMS coupon.
 */
const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });
const run = Date.now().toString(36);
const users = ["ana", "ben", "chloe"].map((n, i) => ({
  userId: `${n}-${run}`,
  email: `${n}-${run}@example.com`,
  phone: `+3361234${String(5670 + i).padStart(4, "0")}`,
  firstName: n[0]!.toUpperCase() + n.slice(1),
}));

let smtp: TSmtpSink;
let sms: THttpSink;
let admin: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  smtp = await startSmtpSink();
  sms = await startHttpSink({ respond: fakeProviderResponder });
  admin = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("admin"),
  });
  for (const [kind, config] of [
    [
      "smtp",
      {
        host: "127.0.0.1",
        port: smtp.port,
        secure: false,
        from: "hello@acme.test",
        fromName: "Acme",
      },
    ],
    [
      "twilio",
      {
        baseUrl: sms.url,
        accountSid: "AC00000000000000000000000000000e2e",
        authToken: "e2e-twilio-token",
        fromNumber: "+15005550006",
      },
    ],
  ] as const) {
    const res = await admin.put(`/api/w/demo/channels/${kind}`, { data: config });
    expect(res.status(), await res.text()).toBe(200);
  }
});

test.afterAll(async () => {
  // Later specs expect the demo's channels on the Outbox again.
  for (const kind of ["smtp", "twilio"]) await admin?.delete(`/api/w/demo/channels/${kind}`);
  await admin?.dispose();
  await smtp?.close();
  await sms?.close();
});

async function templateId(request: APIRequestContext, name: string) {
  const [row] = await sql<{ id: string }>(
    request,
    "select t.id from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = $1",
    [name],
  );
  expect(row, `demo template ${name}`).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  return row!.id;
}

const api = (request: APIRequestContext, path: string, body: unknown) =>
  request.post(`/api/v1/${path}`, {
    data: body,
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
  });

test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1500, height: 950 } });

test("a published journey runs each contact end to end on the local executor", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const email = await templateId(request, "Welcome email");
  const coupon = await templateId(request, "Cart reminder SMS");

  // The journey as drawn: sign-up → welcome email → wait 2 minutes → bought? → exit / SMS coupon.
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Welcome run ${run}` },
  });
  expect(created.status()).toBe(201);
  const journeyId = (await created.json()).journey.id as string;
  const n = (id: string, type: string, y: number, data: Record<string, unknown>, x = 300) => ({
    id,
    type,
    position: { x, y },
    data,
  });
  const graph = {
    nodes: [
      n("signup", "trigger", 0, { kind: "event", event: "user.signed_up", filters: [] }),
      n("welcome", "send", 140, { channel: "email", templateId: email }),
      n("wait", "wait", 280, { kind: "duration", amount: 2, unit: "minutes" }),
      n("bought", "branch", 420, {
        condition: {
          kind: "did_event",
          event: "purchase",
          filters: [],
          window: { kind: "since_entry" },
        },
      }),
      n("done", "exit", 580, {}, 120),
      n("coupon", "send", 580, { channel: "sms", templateId: coupon }, 480),
      n("end", "exit", 720, {}, 480),
    ],
    edges: [
      { id: "e1", source: "signup", sourceHandle: null, target: "welcome" },
      { id: "e2", source: "welcome", sourceHandle: null, target: "wait" },
      { id: "e3", source: "wait", sourceHandle: null, target: "bought" },
      { id: "e4", source: "bought", sourceHandle: "yes", target: "done" },
      { id: "e5", source: "bought", sourceHandle: "no", target: "coupon" },
      { id: "e6", source: "coupon", sourceHandle: null, target: "end" },
    ],
  };
  const saved = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
    data: { graph, settings: { entry: { mode: "once" } } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  // Published in the UI.
  await page.goto(`/w/demo/journeys/${journeyId}`);
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");

  // The customer's backend: three sign-ups through the public API.
  const identify = users.map((u) => ({
    type: "identify",
    userId: u.userId,
    traits: { email: u.email, phone: u.phone, firstName: u.firstName },
  }));
  const signups = users.map((u) => ({
    type: "track",
    userId: u.userId,
    event: "user.signed_up",
    messageId: `signup-${u.userId}`,
  }));
  expect((await api(request, "batch", { batch: [...identify, ...signups] })).status()).toBe(200);

  // Each gets the welcome email at the SMTP server, personalised.
  for (const u of users) {
    const mail = await smtp.waitFor((m) => m.to.includes(u.email), 60_000);
    expect(mail.subject).toContain(u.firstName);
    expect(mail.headers["list-unsubscribe"]).toMatch(/\/u\//);
  }

  // Everyone is asleep in the wait (the executor stored each timer) before the clock moves.
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            request,
            "select count(*)::int as n from executor_waits w join executor_runs r on r.id = w.run_id where w.kind = 'sleep' and r.event->'data'->>'journeyId' = $1",
            [journeyId],
          )
        )[0]!.n,
      { timeout: 30_000 },
    )
    .toBe(3);
  // Ana buys during the wait; then two minutes pass on the executor's clock.
  expect(
    (
      await api(request, "track", {
        userId: users[0]!.userId,
        event: "purchase",
        properties: { amount: 42 },
      })
    ).status(),
  ).toBe(200);
  const clock = await request.post("/api/test/clock", {
    data: { advanceMs: 3 * 60_000 },
    headers: { "x-test-secret": E2E_AUTH_SECRET },
  });
  expect(clock.status(), await clock.text()).toBe(200);

  // Ben and Chloe get the SMS coupon at the Twilio-compatible sink; Ana does not.
  for (const u of users.slice(1)) {
    const req = await sms.waitFor(
      (r) => r.path.endsWith("/Messages.json") && r.form().get("To") === u.phone,
      60_000,
    );
    expect(req.form().get("Body")).toContain(`Hi ${u.firstName}`);
  }
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            request,
            "select count(*)::int as n from journey_entries where journey_id = $1 and status <> 'active'",
            [journeyId],
          )
        )[0]!.n,
      { timeout: 30_000 },
    )
    .toBe(3);
  expect(sms.requests.some((r) => r.form().get("To") === users[0]!.phone)).toBe(false);

  // Every message was sent exactly once.
  const sent = await sql<{ n: number }>(
    request,
    "select count(*)::int as n from messages m where m.origin->>'journeyId' = $1 and m.status in ('sent', 'delivered')",
    [journeyId],
  );
  expect(sent[0]!.n).toBe(5);

  // The canvas shows how many passed each node. Its counts are the dashboards' rollups, which the
  // 30-second refresh job (or an admin's "Refresh now") folds these runs into: wait for that.
  const readStats = async () =>
    (await (await page.request.get(`/api/w/demo/journeys/${journeyId}/stats`)).json()) as {
      nodes: Record<string, { entered: number; passed: number }>;
    };
  await expect
    .poll(async () => (await readStats()).nodes.end?.passed ?? 0, { timeout: 75_000 })
    .toBe(2);
  const stats = await readStats();
  expect(stats.nodes.welcome).toMatchObject({ entered: 3, passed: 3 });
  expect(stats.nodes.coupon).toMatchObject({ passed: 2 });
  expect(stats.nodes.done).toMatchObject({ passed: 1 });
  await page.reload();
  await expect(page.getByTestId("node-welcome")).toContainText("3");
  await page.screenshot(shot("journey-run-counts"));
});
