import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";
import { connect, dropStep, selectNode, shot, tidyUp } from "./journey-canvas-helpers";

// Everything here happens on journeys and contacts of this run's own; the demo is left as it was.
const TAG = `${Date.now()}`;
const NAME = `Canvas tools ${TAG}`;
const RENAMED = `Canvas tools renamed ${TAG}`;
const TAKEN = `Canvas tools taken ${TAG}`;
const EVENT = `Purchase ${TAG}`;
const FIRST = `Zephyrine${TAG.slice(-6)}`;

let journeyId = "";
let takenId = "";
let triggerId = "";

async function createJourney(request: APIRequestContext, name: string) {
  const res = await request.post("/api/w/demo/journeys", { data: { name } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { journey: { id: string } }).journey.id;
}

const triggerData = async (page: Page) => {
  const [row] = await sql<{ data: { filters: unknown[] } }>(
    page.request,
    "select n.value->'data' as data from journeys j, jsonb_array_elements(j.draft_graph->'nodes') n where j.id = $1 and n.value->>'type' = 'trigger'",
    [journeyId],
  );
  return row!.data;
};

test.describe.serial("journey canvas tools", () => {
  test.describe("as the marketer", () => {
    test.use({
      storageState: storageStateFor("marketer"),
      viewport: { width: 1600, height: 1000 },
    });

    test("renames the journey in place: Enter saves, Escape cancels, a taken name says so", async ({
      page,
    }) => {
      journeyId = await createJourney(page.request, NAME);
      takenId = await createJourney(page.request, TAKEN);
      await page.goto(`/w/demo/journeys/${journeyId}`);
      const name = page.getByTestId("journey-name");
      await expect(name).toHaveText(NAME);

      // Keyboard: focus the name, Enter opens the field; Escape puts the old name back.
      await name.focus();
      await page.keyboard.press("Enter");
      const field = page.getByRole("textbox", { name: "Journey name" });
      await expect(field).toBeFocused();
      await field.fill("Something else");
      await page.keyboard.press("Escape");
      await expect(name).toHaveText(NAME);
      await expect(name).toBeFocused();

      await name.click();
      await field.fill(TAKEN);
      await field.press("Enter");
      await expect(
        page.getByRole("alert").filter({ hasText: `A journey named "${TAKEN}" already exists` }),
      ).toBeVisible();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      const [stored] = await sql<{ name: string }>(
        page.request,
        "select name from journeys where id = $1",
        [journeyId],
      );
      expect(stored!.name).toBe(NAME);

      await field.fill(RENAMED);
      await field.press("Enter");
      await expect(name).toHaveText(RENAMED);
      const [renamed] = await sql<{ name: string }>(
        page.request,
        "select name from journeys where id = $1",
        [journeyId],
      );
      expect(renamed!.name).toBe(RENAMED);
      await page.reload();
      await expect(page.getByTestId("journey-name")).toHaveText(RENAMED);
    });

    test("edits property filters on the trigger and on a wait for an event, with publish errors on the field", async ({
      page,
    }) => {
      await page.goto(`/w/demo/journeys/${journeyId}`);
      const panel = page.getByTestId("side-panel");
      triggerId = (await page.locator(".react-flow__node").first().getAttribute("data-id"))!;
      await selectNode(page, triggerId);
      await panel.getByLabel("Event", { exact: true }).fill(EVENT);
      await expect(panel.getByTestId("filter-list")).toContainText(
        "None: every such event starts the journey.",
      );

      await panel.getByRole("button", { name: "Add property filter" }).click();
      await panel.getByLabel("Filter 1 property").fill("amount");
      await panel.getByLabel("Filter 1 type").selectOption("number");
      await panel.getByLabel("Filter 1 operator").selectOption("gt");
      await panel.getByLabel("Filter 1 value").fill("100");
      await expect(page.getByTestId(`node-${triggerId}`)).toContainText(
        `When ${EVENT} happens where amount > 100`,
      );

      // A second filter left half-made: "contains" needs some text.
      await panel.getByRole("button", { name: "Add property filter" }).click();
      await panel.getByLabel("Filter 2 property").fill("coupon");
      await panel.getByLabel("Filter 2 operator").selectOption("contains");

      const wait = await dropStep(page, "wait_for_event", 300, 300);
      await panel.getByLabel("Wait for event", { exact: true }).fill("Order Completed");
      await panel.getByRole("button", { name: "Add property filter" }).click();
      await panel.getByLabel("Filter 1 property").fill("plan");
      await panel.getByLabel("Filter 1 value").fill("pro");
      await panel.getByRole("button", { name: "Add property filter" }).click();
      await panel.getByLabel("Filter 2 property").fill("gift");
      await panel.getByLabel("Filter 2 type").selectOption("true");
      await expect(page.getByTestId(`node-${wait}`)).toContainText(
        "Order Completed where plan = pro and gift = true · up to 3 days",
      );
      await page.screenshot(shot("journey-wait-filters"));

      const exit = await dropStep(page, "exit", 300, 520);
      await tidyUp(page);
      await connect(page, triggerId, "next", wait);
      await connect(page, wait, "happened", exit);
      await connect(page, wait, "timed_out", exit);
      await expect(page.getByTestId("save-state")).toHaveText("Saved");

      await page.getByRole("button", { name: /^Publish/ }).click();
      await expect(page.getByTestId("publish-error")).toHaveCount(1);
      await expect(page.getByTestId("publish-error")).toContainText("Filter 2 › value");
      await selectNode(page, triggerId);
      await expect(panel.getByLabel("Filter 2 value")).toHaveAttribute("aria-invalid", "true");
      await expect(panel.getByTestId("filter-1").getByRole("alert")).toHaveText(
        "value: enter some text",
      );
      await expect(panel.getByLabel("Filter 1 value")).not.toHaveAttribute("aria-invalid", "true");
      await page.screenshot(shot("journey-trigger-filters-error"));

      await panel.getByRole("button", { name: "Remove filter 2" }).click();
      await expect(page.getByTestId("save-state")).toHaveText("Saved");
      expect((await triggerData(page)).filters).toEqual([
        { property: "amount", type: "number", op: "gt", value: 100 },
      ]);
      await page.getByRole("button", { name: /^Publish/ }).click();
      await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
      await selectNode(page, triggerId);
      await panel.screenshot(shot("journey-trigger-filters"));

      // Version 2 raises the threshold.
      await panel.getByLabel("Filter 1 value").fill("200");
      await expect(page.getByTestId(`node-${triggerId}`)).toContainText("where amount > 200");
      await page.getByRole("button", { name: /^Publish/ }).click();
      await expect(page.getByTestId("live-version")).toHaveText("Version 2 · Live");
      const [plan] = await sql<{ filters: unknown }>(
        page.request,
        "select v.graph->'nodes'->0->'data'->'filters' as filters from journey_versions v where v.journey_id = $1 and v.version = 2",
        [journeyId],
      );
      expect(plan!.filters).toEqual([{ property: "amount", type: "number", op: "gt", value: 200 }]);
    });

    test("tests on a contact found by searching, with the keyboard; attributes still work", async ({
      page,
    }) => {
      const [ws] = await sql<{ id: string }>(
        page.request,
        "select id from workspaces where slug = 'demo'",
      );
      // Adler is the older of the two, so the list (newest first) shows Brandt, then Adler.
      await sql(
        page.request,
        `insert into contacts (workspace_id, external_id, email, attributes, created_at) values
        ($1, $2, $3, $4::jsonb, now() - interval '1 minute'), ($1, $5, $6, $7::jsonb, now())`,
        [
          ws!.id,
          `canvas-${TAG}-1`,
          `zephyrine.a.${TAG}@example.com`,
          JSON.stringify({ firstName: FIRST, lastName: "Adler" }),
          `canvas-${TAG}-2`,
          `zephyrine.b.${TAG}@example.com`,
          JSON.stringify({ firstName: FIRST, lastName: "Brandt" }),
        ],
      );
      await page.goto(`/w/demo/journeys/${journeyId}`);
      await page.getByRole("tab", { name: "Test" }).click();
      const search = page.getByRole("combobox", { name: "Contact" });
      const options = page.getByRole("listbox", { name: "Contacts" }).getByRole("option");
      await expect(options.first()).toBeVisible();
      await search.fill(FIRST.toLowerCase());
      await expect(options).toHaveCount(2);
      await expect(options.first()).toContainText(FIRST);
      await search.press("ArrowDown");
      await expect(options.nth(1)).toHaveAttribute("data-active", "true");
      await search.press("Enter");
      await expect(page.getByTestId("test-contact")).toContainText(`Testing as ${FIRST} Adler`);
      await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
      await page.getByTestId("side-panel").screenshot(shot("journey-test-contact-search"));

      // By email prefix, and nothing for a name no contact has.
      await search.fill(`zephyrine.b.${TAG}`);
      await expect(options).toHaveCount(1);
      await expect(options.first()).toContainText("Brandt");
      await options.first().click();
      await expect(page.getByTestId("test-contact")).toContainText(`Testing as ${FIRST} Brandt`);
      await search.fill(`nobody-${TAG}`);
      await expect(page.getByRole("listbox", { name: "Contacts" })).toContainText(
        `No contact matches “nobody-${TAG}”`,
      );

      await page.getByRole("button", { name: "Run test" }).click();
      await expect(page.getByTestId("simulation-step").first()).toContainText("Trigger");

      await page.getByRole("button", { name: "Attributes" }).click();
      await page.getByRole("button", { name: "Run test" }).click();
      await expect(page.getByTestId("simulation-step").first()).toContainText("Trigger");
    });

    test("lists versions with their entries, opens an old one read-only, restores it as the draft and undoes that", async ({
      page,
    }) => {
      const contacts = await sql<{ id: string }>(
        page.request,
        "select id from contacts where external_id like $1 order by external_id",
        [`canvas-${TAG}-%`],
      );
      for (const [i, c] of contacts.entries()) {
        await sql(
          page.request,
          `insert into journey_entries (workspace_id, journey_id, version, contact_id, trigger_key, status)
          select workspace_id, id, 1, $1, $2, 'completed' from journeys where id = $3`,
          [c.id, `canvas-${TAG}-${i}`, journeyId],
        );
      }
      // The draft's settings differ from version 1's: restoring brings version 1's back.
      await sql(
        page.request,
        `update journeys set draft_settings = jsonb_set(draft_settings, '{frequencyCap}', '{"maxPerDay": 7}') where id = $1`,
        [journeyId],
      );
      const sameSettingsAsV1 = async () =>
        (
          await sql<{ same: boolean }>(
            page.request,
            `select j.draft_settings = v.settings as same from journeys j
               join journey_versions v on v.journey_id = j.id and v.version = 1 where j.id = $1`,
            [journeyId],
          )
        )[0]!.same;
      expect(await sameSettingsAsV1()).toBe(false);
      await page.goto(`/w/demo/journeys/${journeyId}`);
      await page.getByTestId("versions-button").click();
      const versions = page.getByTestId("versions-panel");
      await expect(versions.getByTestId("version-2").getByTestId("version-live")).toHaveText(
        "Live",
      );
      await expect(versions.getByTestId("version-1").getByTestId("version-live")).toHaveCount(0);
      await expect(versions.getByTestId("version-1").getByTestId("version-entered")).toHaveText(
        "2 contacts entered",
      );
      await expect(versions.getByTestId("version-2").getByTestId("version-entered")).toHaveText(
        "0 contacts entered",
      );
      await expect(versions.getByTestId("version-1")).toContainText("by Mia Marketer");
      await page.screenshot(shot("journey-versions"));

      await versions.getByRole("button", { name: "View version 1" }).click();
      await expect(page.getByTestId("version-banner")).toContainText(
        "Viewing version 1, read-only",
      );
      await expect(
        page.getByTestId("version-viewer").getByTestId(`node-${triggerId}`),
      ).toContainText("where amount > 100");
      await expect(page.getByTestId("palette")).toHaveCount(0);
      await selectNode(page, triggerId);
      await expect(page.getByTestId("side-panel").getByLabel("Filter 1 value")).toBeDisabled();
      await page.screenshot(shot("journey-version-view"));
      // Looking changed nothing.
      expect((await triggerData(page)).filters).toEqual([
        { property: "amount", type: "number", op: "gt", value: 200 },
      ]);

      await page
        .getByTestId("version-banner")
        .getByRole("button", { name: "Restore as draft" })
        .click();
      await expect(page.getByTestId("editor-notice")).toContainText(
        "Restored version 1 as the draft",
      );
      await expect(page.getByTestId("version-banner")).toHaveCount(0);
      await expect(page.getByTestId(`node-${triggerId}`)).toContainText("where amount > 100");
      await expect(page.getByTestId("save-state")).toHaveText("Saved");
      expect((await triggerData(page)).filters).toEqual([
        { property: "amount", type: "number", op: "gt", value: 100 },
      ]);
      const [live] = await sql<{ live_version: number }>(
        page.request,
        "select live_version from journeys where id = $1",
        [journeyId],
      );
      expect(live!.live_version).toBe(2);
      // Its settings came back too, and autosave kept them.
      expect(await sameSettingsAsV1()).toBe(true);

      await page.getByRole("button", { name: "Undo" }).click();
      await expect(page.getByTestId(`node-${triggerId}`)).toContainText("where amount > 200");
      await expect(page.getByTestId("save-state")).toHaveText("Saved");
      expect((await triggerData(page)).filters).toEqual([
        { property: "amount", type: "number", op: "gt", value: 200 },
      ]);
    });
  });

  test.describe("as the analyst", () => {
    test.use({ storageState: storageStateFor("analyst"), viewport: { width: 1600, height: 1000 } });

    test("sees the versions and views one, but cannot rename or restore", async ({ page }) => {
      await page.goto(`/w/demo/journeys/${journeyId}`);
      await expect(page.getByTestId("journey-name")).toHaveText(RENAMED);
      await expect(page.locator("[data-mutates]")).toHaveCount(0);
      await page.getByTestId("versions-button").click();
      const versions = page.getByTestId("versions-panel");
      await expect(versions.getByTestId("version-1")).toBeVisible();
      await expect(versions.getByRole("button", { name: /Restore/ })).toHaveCount(0);
      await versions.getByRole("button", { name: "View version 1" }).click();
      await expect(page.getByTestId("version-banner")).toContainText("Viewing version 1");
      await expect(
        page.getByTestId("version-banner").getByRole("button", { name: "Restore as draft" }),
      ).toHaveCount(0);

      const rename = await page.request.patch(`/api/w/demo/journeys/${journeyId}`, {
        data: { name: "Analyst was here" },
      });
      expect(rename.status()).toBe(403);
      const restore = await page.request.post(`/api/w/demo/journeys/${journeyId}/restore`, {
        data: { version: 1 },
      });
      expect(restore.status()).toBe(403);
      const [row] = await sql<{ name: string }>(
        page.request,
        "select name from journeys where id = $1",
        [journeyId],
      );
      expect(row!.name).toBe(RENAMED);
    });
  });

  test.describe("as the marketer, cleaning up", () => {
    test.use({ storageState: storageStateFor("marketer") });

    test("bad input is refused with the field, then this run's journeys and contacts go", async ({
      page,
    }) => {
      const bad = await page.request.post(`/api/w/demo/journeys/${journeyId}/restore`, {
        data: { version: 0 },
      });
      expect(bad.status()).toBe(400);
      expect(Object.keys((await bad.json()).error.fields)).toEqual(["version"]);
      const missing = await page.request.post(`/api/w/demo/journeys/${journeyId}/restore`, {
        data: { version: 99 },
      });
      expect(missing.status()).toBe(404);
      const tooLong = await page.request.get(`/api/w/demo/contacts/search?q=${"x".repeat(201)}`);
      expect(tooLong.status()).toBe(400);

      expect(
        (await page.request.post(`/api/w/demo/journeys/${journeyId}/stop`, { data: {} })).status(),
      ).toBe(200);
      for (const id of [journeyId, takenId])
        expect((await page.request.delete(`/api/w/demo/journeys/${id}`)).status()).toBe(200);
      await sql(page.request, "delete from contacts where external_id like $1", [
        `canvas-${TAG}-%`,
      ]);
    });
  });
});
