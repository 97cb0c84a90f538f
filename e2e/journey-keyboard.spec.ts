import { expect, test, type Locator, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";
import { shot } from "./journey-canvas-helpers";

/** Presses Tab (or Shift+Tab) until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, back = false, most = 120) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const focused = (page: Page) => page.locator("*:focus");

test.describe("the journey canvas from the keyboard", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

  test("builds trigger → send → exit, deletes and undoes, and publishes without the mouse", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const templateName = `Keyboard email ${stamp}`;
    const eventName = `Keyboard Signup ${stamp}`;
    const t = await page.request.post("/api/w/demo/templates", {
      data: { name: templateName, channel: "email" },
    });
    expect(t.status(), await t.text()).toBe(201);
    const templateId = ((await t.json()) as { template: { id: string } }).template.id;
    const pub = await page.request.post(`/api/w/demo/templates/${templateId}/publish`, {
      data: {},
    });
    expect(pub.status(), await pub.text()).toBe(200);
    const j = await page.request.post("/api/w/demo/journeys", {
      data: { name: `Keyboard journey ${stamp}` },
    });
    expect(j.status(), await j.text()).toBe(201);
    const journeyId = ((await j.json()) as { journey: { id: string } }).journey.id;

    await page.goto(`/w/demo/journeys/${journeyId}`);
    const nodes = page.locator(".react-flow__node");
    await expect(nodes).toHaveCount(1);
    const trigger = (await nodes.first().getAttribute("data-id"))!;
    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
    const output = (id: string) => page.locator(`.react-flow__handle.source[data-nodeid="${id}"]`);
    const form = page.getByTestId("node-form");
    const said = page.getByTestId("canvas-announcer");

    // The trigger: Tab to it, Enter opens its form with the focus in it, Escape comes back.
    await tabTo(page, node(trigger));
    await expect(node(trigger)).toHaveAttribute("aria-roledescription", "step");
    await page.keyboard.press("Enter");
    await expect(form).toHaveAttribute("data-node-id", trigger);
    await expect(form.locator(":focus")).toHaveCount(1);
    await tabTo(page, form.getByLabel("Event", { exact: true }));
    await page.keyboard.type(eventName);
    // The field suggests event names: a first Escape may only close the suggestions.
    await expect(async () => {
      await page.keyboard.press("Escape");
      await expect(node(trigger)).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await expect(node(trigger)).toContainText(`When ${eventName} happens`);

    // Add a send step from the palette: it takes the focus and is announced.
    await tabTo(page, page.getByTestId("palette-send"), true);
    await page.keyboard.press("Enter");
    await expect(nodes).toHaveCount(2);
    await expect(said).toHaveText("Added Send message.");
    const send = (await page.locator(".react-flow__node:focus").getAttribute("data-id"))!;
    expect(send).toMatch(/^send_/);
    await page.keyboard.press("Enter");
    await expect(form).toHaveAttribute("data-node-id", send);
    await tabTo(page, form.getByLabel("Template", { exact: true }));
    // A native select's value is chosen by the browser's own list; Playwright picks the option.
    await form
      .getByLabel("Template", { exact: true })
      .selectOption({ label: `${templateName} (v1)` });
    await page.keyboard.press("Escape");
    await expect(node(send)).toBeFocused();

    // And an exit.
    await tabTo(page, page.getByTestId("palette-exit"), true);
    await page.keyboard.press("Enter");
    await expect(said).toHaveText("Added Exit.");
    const exit = (await page.locator(".react-flow__node:focus").getAttribute("data-id"))!;
    expect(exit).toMatch(/^exit_/);
    await page.screenshot(shot("journey-keyboard-added"));

    // Connect: Enter on an output, Tab to a step, Enter.
    await tabTo(page, output(trigger), true);
    await page.keyboard.press("Enter");
    await expect(said).toContainText("Connecting from Trigger output next");
    await expect(page.getByTestId("keyboard-connecting")).toBeVisible();
    await page.screenshot(shot("journey-keyboard-connecting"));
    await tabTo(page, node(send));
    await page.keyboard.press("Enter");
    await expect(said).toHaveText("Connected Trigger to Send message.");
    await expect(page.getByTestId(`rf__edge-e_${trigger}_next_${send}`)).toHaveCount(1);
    await expect(page.getByTestId(`rf__edge-e_${trigger}_next_${send}`)).toHaveAttribute(
      "aria-label",
      "Connection from Trigger to Send message",
    );

    await tabTo(page, output(send));
    await page.keyboard.press("Enter");
    await tabTo(page, node(exit));
    await page.keyboard.press("Enter");
    await expect(said).toHaveText("Connected Send message to Exit.");

    // Delete the exit (Space selects it), then undo: both announced, the exit and its edge back.
    await tabTo(page, node(exit), true);
    await page.keyboard.press(" ");
    await expect(node(exit)).toHaveClass(/selected/);
    await page.keyboard.press("Delete");
    await expect(nodes).toHaveCount(2);
    await expect(said).toHaveText("Deleted Exit.");
    await expect(focused(page)).toHaveAttribute("data-id", send);
    await page.keyboard.press("Control+z");
    await expect(nodes).toHaveCount(3);
    await expect(said).toHaveText("Undo: added Exit.");
    await expect(page.getByTestId(`rf__edge-e_${send}_next_${exit}`)).toHaveCount(1);

    // Publish from the toolbar.
    await expect(page.getByTestId("save-state")).toHaveText("Saved");
    await tabTo(page, page.getByRole("button", { name: /^Publish/ }), true);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("live-version")).toHaveText("Version 1 · Live");
    await page.screenshot(shot("journey-keyboard-published"));

    // The published graph: trigger → send (the template) → exit.
    const [row] = await sql<{
      graph: {
        nodes: { id: string; type: string; data: Record<string, unknown> }[];
        edges: { source: string; target: string; sourceHandle?: string | null }[];
      };
    }>(page.request, "select graph from journey_versions where journey_id = $1 and version = 1", [
      journeyId,
    ]);
    const graph = row!.graph;
    expect(graph.nodes.map((n) => n.type).sort()).toEqual(["exit", "send", "trigger"]);
    expect(graph.nodes.find((n) => n.id === send)?.data.templateId).toBe(templateId);
    expect(graph.nodes.find((n) => n.id === trigger)?.data.event).toBe(eventName);
    expect(graph.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(
      [`${send}>${exit}`, `${trigger}>${send}`].sort(),
    );
  });
});
