import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";
import { shot } from "./journey-canvas-helpers";

const TAG = Date.now();
const JOURNEY = `Runs e2e ${TAG}`;
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
// A plan the app can read (ZPlan), triggered by an event no spec sends, so only the runs made
// below ever exist.
const TRIGGER = { kind: "event", event: "runs_e2e_never_sent", filters: [] };
const PLAN = {
  version: 1,
  trigger: TRIGGER,
  settings: { entry: { mode: "once" } },
  entryStepId: "t",
  steps: {
    t: { stepId: "node:t", kind: "trigger", config: TRIGGER, next: { next: "s1" } },
    s1: { stepId: "node:s1", kind: "send", config: { channel: "email" }, next: { next: "w1" } },
    w1: {
      stepId: "node:w1",
      kind: "wait",
      config: { kind: "duration", amount: 2, unit: "days" },
      next: {},
    },
  },
};

type TIds = { journeyId: string; failed: string; waiting: string; done: string; messageId: string };

/**
 * A published journey with three runs, as the runner and the local executor would leave them: one
 * failed at its send (executor run failed, step error memoised), one sleeping on its wait, one
 * completed. The executor runs name a function the app does not serve, so a retried run is picked
 * up again and fails loudly instead of running this hand-made plan.
 */
async function arrange(request: APIRequestContext): Promise<TIds> {
  const [ws] = await sql<{ id: string }>(request, "select id from workspaces where slug = 'demo'");
  const [j] = await sql<{ id: string }>(
    request,
    "insert into journeys (workspace_id, name, status, live_version, draft_graph) values ($1, $2, 'live', 1, '{}') returning id",
    [ws!.id, JOURNEY],
  );
  const journeyId = j!.id;
  await sql(
    request,
    "insert into journey_versions (journey_id, version, workspace_id, graph, settings, plan) values ($1, 1, $2, '{}', '{}', $3::jsonb)",
    [journeyId, ws!.id, JSON.stringify(PLAN)],
  );
  const entry = async (who: string, status: string, node: string | null, minutesAgo: number) => {
    const [c] = await sql<{ id: string }>(
      request,
      "insert into contacts (workspace_id, external_id, email) values ($1, $2, $3) returning id",
      [ws!.id, `${who}-${TAG}`, `${who}-${TAG}@example.com`],
    );
    const [e] = await sql<{ id: string }>(
      request,
      `insert into journey_entries (workspace_id, journey_id, version, contact_id, trigger_key, status, current_node_id, created_at, exited_at, exit_reason)
       values ($1, $2, 1, $3, $4, $5, $6, now() - $7::int * interval '1 minute', case when $5 = 'completed' then now() end, case when $5 = 'completed' then 'completed' end) returning id`,
      [ws!.id, journeyId, c!.id, `runs-e2e-${who}-${TAG}`, status, node, minutesAgo],
    );
    return e!.id;
  };
  const visit = (entryId: string, nodeId: string, minutesAgo: number) =>
    sql(
      request,
      "insert into journey_node_visits (entry_id, journey_id, node_id, outcome, passed_at) values ($1, $2, $3, 'next', now() - $4::int * interval '1 minute')",
      [entryId, journeyId, nodeId, minutesAgo],
    );
  const run = async (id: string, entryId: string, status: string, error: string | null) =>
    sql(
      request,
      "insert into executor_runs (id, function_id, event, status, ready_at, error, finished_at) values ($1, 'waymark-e2e-runs-probe', $2::jsonb, $3, now() + interval '30 days', $4, case when $3 = 'failed' then now() end)",
      [
        id,
        JSON.stringify({
          name: "journey/contact.entered",
          data: { journeyId, version: 1, contactId: "x", entryId },
        }),
        status,
        error,
      ],
    );
  const step = (runId: string, name: string, result: unknown) =>
    sql(
      request,
      "insert into executor_steps (run_id, step_id, result) values ($1, $2, $3::jsonb)",
      [runId, sha1(name), JSON.stringify(result)],
    );

  const failed = await entry("ada", "active", "s1", 30);
  await visit(failed, "t", 30);
  await run(
    `e2e-runs-failed-${TAG}`,
    failed,
    "failed",
    "Error: SMTP refused the message after 4 attempts",
  );
  await step(`e2e-runs-failed-${TAG}`, "journey:start", { data: { at: Date.now(), exists: true } });
  await step(`e2e-runs-failed-${TAG}`, "node:s1", {
    error: { name: "Error", message: "SMTP refused the message after 4 attempts" },
  });

  const waiting = await entry("bob", "active", "w1", 20);
  await visit(waiting, "t", 20);
  await visit(waiting, "s1", 19);
  await run(`e2e-runs-waiting-${TAG}`, waiting, "waiting", null);
  await step(`e2e-runs-waiting-${TAG}`, "journey:start", {
    data: { at: Date.now(), exists: true },
  });
  await step(`e2e-runs-waiting-${TAG}`, "node:s1", { data: { status: "sent", messageId: "m-1" } });
  await sql(
    request,
    "insert into executor_waits (run_id, step_id, kind, expires_at) values ($1, $2, 'sleep', now() + interval '2 days')",
    [`e2e-runs-waiting-${TAG}`, sha1("node:w1")],
  );
  const [m] = await sql<{ id: string }>(
    request,
    "insert into messages (workspace_id, contact_id, idempotency_key, channel, provider, origin, status, recipient) select workspace_id, contact_id, $1, 'email', 'outbox', '{\"kind\":\"journey\"}', 'delivered', $2 from journey_entries where id = $3 returning id",
    [`${waiting}:s1`, `bob-${TAG}@example.com`, waiting],
  );

  const done = await entry("cy", "completed", null, 10);
  for (const [i, n] of ["t", "s1", "w1"].entries()) await visit(done, n, 10 - i);
  return { journeyId, failed, waiting, done, messageId: m!.id };
}

test.describe.serial("runs page", () => {
  let ids: TIds;

  test.describe("as the admin", () => {
    test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 1000 } });

    test("lists runs, filters them in the URL, opens one and sees its history, messages and executor steps", async ({
      page,
      request,
    }) => {
      ids = await arrange(request);
      await page.goto("/w/demo/journeys");
      await page.getByRole("link", { name: "Runs", exact: true }).click();
      await expect(page).toHaveURL(/\/w\/demo\/journeys\/runs$/);
      await page.getByLabel("Journey").selectOption({ label: JOURNEY });
      await expect(page).toHaveURL(new RegExp(`journey=${ids.journeyId}`));
      const rows = page.getByTestId("run-row");
      await expect(rows).toHaveCount(3);
      // Newest first; the active entry whose executor run failed shows as failed.
      await expect(rows.nth(0)).toContainText(`cy-${TAG}`);
      await expect(rows.nth(0).getByTestId("run-status")).toHaveText("completed");
      await expect(rows.nth(1).getByTestId("run-status")).toHaveText("active");
      // The current step by its name (a wait reads as its length), not its node id.
      await expect(rows.nth(1)).toContainText("Wait 2 days");
      await expect(rows.nth(2).getByTestId("run-status")).toHaveText("failed");
      await page.screenshot(shot("runs-list"));

      await page.getByLabel("Status").selectOption("failed");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(`ada-${TAG}`);
      await page.getByLabel("Status").selectOption("");
      // Let that navigation land before typing, or it lands after the search and drops it.
      await expect(page).not.toHaveURL(/status=/);
      await expect(rows).toHaveCount(3);
      await page.getByLabel("Search contacts").fill(`bob-${TAG}@example`);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/q=bob-/);
      await expect(rows).toHaveCount(1);

      // The waiting run: its steps, the message it sent, the executor's memoised step and its timer.
      await rows.first().click();
      await expect(page).toHaveURL(new RegExp(`/journeys/runs/${ids.waiting}$`));
      await expect(page.getByTestId("run-visit")).toHaveCount(2);
      await expect(page.getByTestId("run-visit").nth(1)).toContainText("Send email");
      await expect(page.getByTestId("run-current")).toContainText("Wait 2 days");
      await expect(page.getByTestId("run-message")).toHaveCount(1);
      await expect(page.getByTestId("run-message").getByRole("link")).toHaveAttribute(
        "href",
        `/w/demo/messages/${ids.messageId}`,
      );
      await expect(page.getByTestId("executor-step")).toHaveCount(2);
      await expect(page.getByTestId("executor-step").nth(1)).toContainText("node:s1");
      await expect(page.getByTestId("executor-step").nth(1)).toContainText('"status": "sent"');
      await expect(page.getByTestId("executor-waits")).toContainText("node:w1: sleeping until");
      await expect(page.getByRole("button", { name: "Retry run" })).toHaveCount(0);

      // Cancel it: the entry ends, and so does its executor run.
      page.once("dialog", (d) => void d.accept());
      await page.getByRole("button", { name: "Cancel run" }).click();
      await expect(page.getByRole("heading", { level: 1 }).getByTestId("run-status")).toHaveText(
        "cancelled",
      );
      await expect(page.getByTestId("executor-status")).toHaveText("cancelled");
      const [after] = await sql<{ status: string; exit_reason: string }>(
        request,
        "select status, exit_reason from journey_entries where id = $1",
        [ids.waiting],
      );
      expect(after).toEqual({ status: "cancelled", exit_reason: "cancelled_by_admin" });
      await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
    });

    test("shows a failed run's error in red and retries it: the executor picks it up again", async ({
      page,
      request,
    }) => {
      await page.goto(`/w/demo/journeys/runs/${ids.failed}`);
      await expect(page.getByTestId("executor-status")).toHaveText("failed");
      await expect(page.getByTestId("executor-error")).toContainText("SMTP refused");
      await expect(page.getByTestId("run-current")).toContainText("Send email failed here");
      await expect(page.getByTestId("executor-step").nth(1)).toContainText(
        "Error: SMTP refused the message after 4 attempts",
      );
      await page.screenshot(shot("runs-detail"));
      await page.getByRole("button", { name: "Retry run" }).click();
      // Its function is not served (a hand-made run), so the executor fails it again, for that reason.
      await expect
        .poll(
          async () =>
            (
              await sql<{ error: string | null }>(
                request,
                "select error from executor_runs where id = $1",
                [`e2e-runs-failed-${TAG}`],
              )
            )[0]?.error,
          { timeout: 15_000 },
        )
        .toMatch(/not served by the app/);
      const steps = await sql<{ n: number }>(
        request,
        "select count(*)::int as n from executor_steps where run_id = $1",
        [`e2e-runs-failed-${TAG}`],
      );
      expect(steps[0]?.n).toBe(1);
      // A completed run offers nothing to do.
      await page.goto(`/w/demo/journeys/runs/${ids.done}`);
      await expect(page.locator("[data-mutates]")).toHaveCount(0);
    });
  });

  test.describe("as the marketer", () => {
    test.use({ storageState: storageStateFor("marketer") });

    test("sees runs but no cancel or retry, and the routes answer 403", async ({
      page,
      request,
    }) => {
      await page.goto(`/w/demo/journeys/runs/${ids.failed}`);
      await expect(page.getByTestId("executor-status")).toBeVisible();
      await expect(page.locator("[data-mutates]")).toHaveCount(0);
      for (const action of ["cancel", "retry"]) {
        const res = await page.request.post(`/api/w/demo/runs/${ids.failed}/${action}`, {
          data: {},
        });
        expect(res.status()).toBe(403);
      }
      const [entry] = await sql<{ status: string }>(
        request,
        "select status from journey_entries where id = $1",
        [ids.failed],
      );
      expect(entry?.status).toBe("active");
    });
  });
});
