import { expect, test, type APIRequestContext } from "@playwright/test";
import { refreshRollupsNow, sql, storageStateFor } from "./helpers";
import { connect, dropStep, selectNode, shot, tidyUp } from "./journey-canvas-helpers";

const NAME = `Welcome series (e2e ${Date.now()})`;

/** A published email template to send; the seed's demo templates may not exist on every branch. */
async function publishedTemplate(request: APIRequestContext, name: string) {
  const res = await request.post("/api/w/demo/templates", { data: { name, channel: "email" } });
  expect(res.status(), await res.text()).toBe(201);
  const { template } = (await res.json()) as { template: { id: string } };
  const pub = await request.post(`/api/w/demo/templates/${template.id}/publish`, { data: {} });
  expect(pub.status(), await pub.text()).toBe(200);
  return template.id;
}

test.describe.serial("journey canvas", () => {
  let journeyUrl = "";
  let ids: Record<string, string> = {};

  test.describe("as the marketer", () => {
    test.use({
      storageState: storageStateFor("marketer"),
      viewport: { width: 1600, height: 1000 },
    });

    test("draws a journey, sees publish errors on the right outputs, fixes them, publishes and tests it on a contact", async ({
      page,
    }) => {
      // About 40 canvas actions and a publish: 52 s on PGlite and over 60 s on PostgreSQL under CI.
      test.setTimeout(150_000);
      const templateName = `Welcome email e2e ${Date.now()}`;
      await publishedTemplate(page.request, templateName);
      const panel = page.getByTestId("side-panel");

      await page.goto("/w/demo/journeys");
      await page.getByRole("button", { name: "New journey" }).click();
      await page.getByLabel("Name").fill(NAME);
      await page.getByRole("button", { name: "Create and open" }).click();
      await expect(page).toHaveURL(/\/w\/demo\/journeys\/[0-9a-f-]{36}$/);
      journeyUrl = new URL(page.url()).pathname;
      await expect(page.locator(".react-flow__node")).toHaveCount(1);
      const trigger = (await page.locator(".react-flow__node").getAttribute("data-id"))!;

      await selectNode(page, trigger);
      await panel.getByLabel("Start when", { exact: true }).selectOption("event");
      await panel.getByLabel("Event", { exact: true }).fill("Signed Up");
      await expect(page.getByTestId(`node-${trigger}`)).toContainText("When Signed Up happens");

      const send1 = await dropStep(page, "send", 300, 200);
      await panel
        .getByLabel("Template", { exact: true })
        .selectOption({ label: `${templateName} (v1)` });
      await expect(page.getByTestId(`node-${send1}`)).toContainText(
        `Send email · ${templateName} v1`,
      );

      const wait = await dropStep(page, "wait", 700, 200);
      await panel.getByLabel("Amount", { exact: true }).fill("2");
      await expect(page.getByTestId(`node-${wait}`)).toContainText("Wait 2 days");

      const waitEvent = await dropStep(page, "wait_for_event", 300, 420);
      await panel.getByLabel("Wait for event", { exact: true }).fill("Order Completed");

      const branch = await dropStep(page, "branch", 700, 420);
      await panel.getByLabel("Attribute", { exact: true }).fill("plan");
      await panel.getByLabel("Condition comparison value", { exact: true }).fill("pro");
      await expect(page.getByTestId(`node-${branch}`)).toContainText("If plan is pro");

      const send2 = await dropStep(page, "send", 300, 640);
      await panel
        .getByLabel("Template", { exact: true })
        .selectOption({ label: `${templateName} (v1)` });

      await tidyUp(page);
      await connect(page, trigger, "next", send1);
      await connect(page, send1, "next", wait);
      await connect(page, wait, "next", waitEvent);
      await connect(page, waitEvent, "happened", branch);
      await connect(page, branch, "yes", send2);
      await page.getByRole("button", { name: "Tidy up layout" }).click();
      await expect(page.getByTestId("save-state")).toHaveText("Saved");
      await page.screenshot(shot("journey-canvas"));

      // The wait-for-event's "timed out" and the branch's "no" lead nowhere: publishing says so, on those nodes.
      await page.getByRole("button", { name: /^Publish/ }).click();
      await expect(page.getByTestId("publish-errors")).toBeVisible();
      await expect(
        page.getByTestId("publish-error").filter({ hasText: 'connect the "timed_out" output' }),
      ).toHaveCount(1);
      await expect(
        page.getByTestId("publish-error").filter({ hasText: 'connect the "no" output' }),
      ).toHaveCount(1);
      await expect(page.getByTestId(`node-${waitEvent}`)).toHaveAttribute("data-invalid", "true");
      await expect(page.getByTestId(`node-${waitEvent}`).getByTestId("node-error")).toContainText(
        "timed_out",
      );
      await expect(
        page.getByTestId(`node-${waitEvent}`).getByTestId("handle-label-timed_out"),
      ).toHaveClass(/text-red-600/);
      await expect(page.getByTestId(`node-${branch}`)).toHaveAttribute("data-invalid", "true");
      await expect(page.getByTestId(`node-${send1}`)).not.toHaveAttribute("data-invalid", "true");
      await expect(page.getByTestId("live-version")).toHaveCount(0);
      await page.screenshot(shot("journey-validation-errors"));

      // Fix: timed out → straight to the branch; "no" and the last send → an exit.
      await expect(
        page.getByTestId("publish-error").filter({ hasText: 'connect the "next" output' }),
      ).toHaveCount(1);
      const exit = await dropStep(page, "exit", 700, 150);
      await tidyUp(page);
      await connect(page, waitEvent, "timed_out", branch);
      await connect(page, branch, "no", exit);
      await connect(page, send2, "next", exit);
      await page.getByRole("button", { name: "Tidy up layout" }).click();
      await page.getByRole("button", { name: /^Publish/ }).click();
      // The demo's live welcome journey also starts on Signed Up: publishing asks first.
      const ask = page.getByRole("dialog", { name: "Another journey starts the same way" });
      await expect(ask.getByTestId("collisions")).toContainText("Welcome journey");
      await ask.getByRole("button", { name: "Publish anyway" }).click();
      await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
      await expect(page.getByTestId("journey-status")).toHaveText("Live");
      await expect(page.locator("[data-invalid=true]")).toHaveCount(0);

      // Test on a contact: the path walks trigger → send → wait → wait-for-event (timed out) → branch.
      await page.getByRole("tab", { name: "Test" }).click();
      await page.getByRole("button", { name: "Run test" }).click();
      const steps = page.getByTestId("simulation-step");
      await expect(steps.first()).toContainText("Trigger");
      await expect(steps.nth(1)).toContainText(`Send message · Send email · ${templateName}`);
      await expect(steps.nth(2)).toContainText("Wait 2 days");
      await expect(steps.nth(3)).toContainText("timed out");
      await expect(steps.nth(3)).toContainText("+");
      await expect(page.getByTestId("simulation-message").first()).toContainText(templateName);
      await expect(page.getByTestId(`node-${send1}`)).toHaveAttribute("data-on-path", "true");
      await expect(page.getByTestId(`node-${branch}`)).toHaveAttribute("data-on-path", "true");
      await page.screenshot(shot("journey-test-path"));

      ids = { trigger, send1, wait, waitEvent, branch, send2, exit };
      await page.goto("/w/demo/journeys");
      await expect(
        page.getByTestId(`journey-row-${NAME}`).getByTestId("journey-live-version"),
      ).toContainText("v1");
      await expect(
        page.getByTestId(`journey-row-${NAME}`).getByTestId("journey-status"),
      ).toHaveText("Live");
      await page.screenshot(shot("journeys-list"));
    });

    test("undo, redo, copy/paste and delete on the canvas", async ({ page }) => {
      await page.goto(journeyUrl);
      const nodes = page.locator(".react-flow__node");
      await expect(nodes).toHaveCount(7);
      await selectNode(page, ids.send2!);
      await page.keyboard.press("ControlOrMeta+c");
      await page.keyboard.press("ControlOrMeta+v");
      await expect(nodes).toHaveCount(8);
      await page.keyboard.press("Delete");
      await expect(nodes).toHaveCount(7);
      await page.keyboard.press("ControlOrMeta+z");
      await expect(nodes).toHaveCount(8);
      await page.keyboard.press("ControlOrMeta+Shift+z");
      await expect(nodes).toHaveCount(7);
      await expect(page.getByTestId("save-state")).toHaveText("Saved");
    });
  });

  test.describe("as the analyst", () => {
    test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1600, height: 1000 } });

    test("sees the live journey read-only with per-node counts, and can test it", async ({
      page,
      request,
    }) => {
      const journeyId = journeyUrl.split("/").at(-1)!;
      // Three contacts entered version 1: all passed the trigger and the first send, one waits on the wait.
      const contacts = await sql<{ id: string }>(
        request,
        "select c.id from contacts c join workspaces w on w.id = c.workspace_id and w.slug = 'demo' order by c.created_at limit 3",
      );
      for (const [i, c] of contacts.entries()) {
        const [entry] = await sql<{ id: string }>(
          request,
          `insert into journey_entries (workspace_id, journey_id, version, contact_id, trigger_key, status, current_node_id)
           select workspace_id, id, 1, $1, $2, $3, $4 from journeys where id = $5 returning id`,
          [
            c.id,
            `e2e-${i}`,
            i === 0 ? "active" : "completed",
            i === 0 ? ids.wait! : null,
            journeyId,
          ],
        );
        for (const node of [
          ids.trigger!,
          ids.send1!,
          ...(i === 0 ? [] : [ids.wait!, ids.waitEvent!]),
        ]) {
          await sql(
            request,
            "insert into journey_node_visits (entry_id, journey_id, node_id, outcome) values ($1, $2, $3, 'next')",
            [entry!.id, journeyId, node],
          );
        }
      }
      // The canvas's passed counts come from the dashboard's rollups: fold these visits in now.
      await refreshRollupsNow();
      await page.goto(journeyUrl);
      await expect(page.getByTestId("palette")).toHaveCount(0);
      await expect(page.locator("[data-mutates]")).toHaveCount(0);
      await expect(page.getByTestId(`node-${ids.send1}`).getByTestId("stat-entered")).toHaveText(
        "3",
      );
      await expect(page.getByTestId(`node-${ids.wait}`).getByTestId("stat-waiting")).toHaveText(
        "1",
      );
      await selectNode(page, ids.send1!);
      await expect(
        page.getByTestId("side-panel").getByLabel("Template", { exact: true }),
      ).toBeDisabled();
      await page.screenshot(shot("journey-live-counts"));
      await page.getByRole("tab", { name: "Test" }).click();
      await page.getByRole("button", { name: "Run test" }).click();
      await expect(page.getByTestId("simulation-step").first()).toContainText("Trigger");
    });
  });

  test.describe("as the marketer, at the end", () => {
    test.use({
      storageState: storageStateFor("marketer"),
      viewport: { width: 1600, height: 1000 },
    });

    test("pauses, resumes, and stops the journey after confirming", async ({ page }) => {
      await page.goto(journeyUrl);
      await page.getByRole("button", { name: "Pause", exact: true }).click();
      await expect(page.getByTestId("journey-status")).toHaveText("Paused");
      await page.getByRole("button", { name: "Resume", exact: true }).click();
      await expect(page.getByTestId("journey-status")).toHaveText("Live");
      await page.getByRole("button", { name: "Stop", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Stop this journey?" });
      await expect(dialog).toContainText("every run in progress is cancelled");
      await dialog.getByRole("button", { name: "Keep it running" }).click();
      await expect(page.getByTestId("journey-status")).toHaveText("Live");
      await page.getByRole("button", { name: "Stop", exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Stop journey" }).click();
      await expect(page.getByTestId("journey-status")).toHaveText("Stopped");
      await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
      const [entry] = await sql<{ status: string }>(
        page.request,
        "select status from journey_entries where trigger_key = 'e2e-0'",
      );
      expect(entry?.status).toBe("cancelled");
    });
  });
});
