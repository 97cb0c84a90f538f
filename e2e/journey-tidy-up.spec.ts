import { expect, test, type Page } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

/**
 * Issue 14, defect 3: after "Tidy up layout" no edge runs behind a node, and every edge out of a
 * branch, multi-branch, A/B split or wait-for-event names its outcome. The journey is the issue's
 * ("signs up → welcome → wait → bought? → exit / wait 3 hours → coupon → exit") with one of each
 * deciding step, drawn scattered so the tidy-up has work to do.
 */
test.use({ storageState: storageStateFor("marketer") });

async function journeyId(page: Page) {
  const [t] = await sql<{ id: string; channel: string }>(
    page.request,
    "select t.id, t.channel::text from templates t join workspaces w on w.id = t.workspace_id where w.slug = 'demo' and t.name = 'Welcome email'",
  );
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Tidy up e2e ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).journey.id as string;
  const n = (nid: string, type: string, x: number, y: number, data: Record<string, unknown>) => ({
    id: nid,
    type,
    position: { x, y },
    data,
  });
  const send = { channel: "email", templateId: t!.id };
  const graph = {
    nodes: [
      n("signup", "trigger", 40, 40, { kind: "event", event: "Signed Up", filters: [] }),
      n("welcome", "send", 700, 20, send),
      n("day", "wait", 60, 600, { kind: "duration", amount: 1, unit: "days" }),
      n("browsed", "wait_for_event", 900, 500, {
        event: "Product Viewed",
        filters: [],
        timeout: { amount: 2, unit: "days" },
      }),
      n("bought", "branch", 400, 300, {
        condition: {
          kind: "did_event",
          event: "Order Completed",
          filters: [],
          window: { kind: "since_entry" },
        },
      }),
      n("plan", "multi_branch", 1200, 100, {
        cases: [
          {
            id: "case_1",
            label: "Pro plan",
            condition: {
              kind: "attribute",
              filter: { property: "plan", type: "string", op: "equals", value: "pro" },
            },
          },
        ],
      }),
      n("ab", "ab_split", 200, 900, {
        variants: [
          { id: "a", label: "A", percent: 50 },
          { id: "b", label: "B", percent: 50 },
        ],
      }),
      n("hours", "wait", 1100, 800, { kind: "duration", amount: 3, unit: "hours" }),
      n("coupon", "send", 600, 1000, send),
      n("exit", "exit", 500, 700, {}),
    ],
    edges: [
      ["signup", null, "welcome"],
      ["welcome", null, "day"],
      ["day", null, "browsed"],
      ["browsed", "happened", "bought"],
      ["browsed", "timed_out", "exit"],
      ["bought", "yes", "exit"],
      ["bought", "no", "plan"],
      ["plan", "case_1", "hours"],
      ["plan", "else", "ab"],
      ["ab", "a", "hours"],
      ["ab", "b", "exit"],
      ["hours", null, "coupon"],
      ["coupon", null, "exit"],
    ].map(([source, sourceHandle, target]) => ({
      id: `e_${source}_${sourceHandle ?? "next"}_${target}`,
      source,
      sourceHandle,
      target,
    })),
  };
  const saved = await page.request.patch(`/api/w/demo/journeys/${id}`, { data: { graph } });
  expect(saved.status(), await saved.text()).toBe(200);
  return id;
}

/** Points of every edge path (sampled every 3 px, in screen pixels) that fall inside a node's box. */
function edgesThroughNodes(page: Page) {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")].map((n) => ({
      id: n.dataset.id!,
      r: n.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>(".react-flow__edge")) {
      const path = edge.querySelector<SVGPathElement>("path.react-flow__edge-path");
      if (!path) continue;
      const ctm = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 3) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        for (const { id, r } of nodes)
          if (p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1) {
            found.push(`${edge.dataset.testid} passes through ${id}`);
            break;
          }
      }
    }
    return [...new Set(found)];
  });
}

for (const width of [1440, 1280]) {
  test(`after Tidy up layout, edges run around nodes and name their outcomes (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const id = await journeyId(page);
    await page.goto(`/w/demo/journeys/${id}`);
    await expect(page.locator(".react-flow__edge")).toHaveCount(13);

    await page.getByRole("button", { name: "Tidy up layout" }).click();
    await expect(page.getByTestId("save-state")).toHaveText("Saved");
    const label = (edge: string) => page.getByTestId(`edge-label-${edge}`);
    await expect(label("e_browsed_happened_bought")).toHaveText("Happened");
    await expect(label("e_browsed_timed_out_exit")).toHaveText("Timed out");
    await expect(label("e_bought_yes_exit")).toHaveText("Yes");
    await expect(label("e_bought_no_plan")).toHaveText("No");
    await expect(label("e_plan_case_1_hours")).toHaveText("Pro plan");
    await expect(label("e_plan_else_ab")).toHaveText("Else");
    await expect(label("e_ab_a_hours")).toHaveText("Variant A");
    await expect(label("e_ab_b_exit")).toHaveText("Variant B");
    // Steps with one way on carry no label.
    await expect(page.locator("[data-testid^=edge-label-]")).toHaveCount(8);

    // The view fits the tidied graph; then no edge crosses a node's box, here or zoomed in.
    await expect.poll(() => edgesThroughNodes(page)).toEqual([]);
    await page.screenshot({ path: `test-results/shots/canvas-tidy-${width}.png` });
    await page.locator(".react-flow__controls-zoomin").click();
    await expect.poll(() => edgesThroughNodes(page)).toEqual([]);

    // The tidied positions are what was saved.
    const [row] = await sql<{ y: number }>(
      page.request,
      "select (n->'position'->>'y')::int as y from journeys j, jsonb_array_elements(j.draft_graph->'nodes') n where j.id = $1 and n->>'id' = 'exit'",
      [id],
    );
    const exitBox = (await page.getByTestId("node-exit").boundingBox())!;
    const signupBox = (await page.getByTestId("node-signup").boundingBox())!;
    expect(exitBox.y).toBeGreaterThan(signupBox.y);
    expect(row!.y).toBeGreaterThan(0);
  });
}
