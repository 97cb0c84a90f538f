import { describe, expect, it } from "vitest";
import { compileJourney, ZPlan } from "../compile/compile-journey";
import { ZJourneySettings } from "../graph/journey-settings";
import { validateGraph } from "../graph/validate-graph";
import { defaultStepName, nameJourneySteps, stepName, uniqueStepNames } from "./step-name";
import type { TSummaryContext } from "./summarize-node";

const ctx: TSummaryContext = {
  template: (id) => (id === "t1" ? { name: "Welcome email", publishedVersion: 2 } : undefined),
  segment: () => undefined,
};

describe("step names", () => {
  it("defaults to what the step does: a send by its template, a wait by its length", () => {
    expect(defaultStepName("send", { channel: "email", templateId: "t1" }, ctx)).toBe(
      "Welcome email",
    );
    expect(defaultStepName("send", { channel: "sms", templateId: "" }, ctx)).toBe("SMS");
    expect(defaultStepName("wait", { kind: "duration", amount: 1, unit: "days" }, ctx)).toBe(
      "Wait 1 day",
    );
    expect(defaultStepName("wait", { kind: "duration", amount: 3, unit: "hours" }, ctx)).toBe(
      "Wait 3 hours",
    );
    expect(defaultStepName("wait_for_event", { event: "Order Completed" }, ctx)).toBe(
      "Wait for Order Completed",
    );
    expect(defaultStepName("ab_split", { variants: [{ percent: 50 }, { percent: 50 }] }, ctx)).toBe(
      "A/B split 50/50",
    );
    expect(defaultStepName("exit", {}, ctx)).toBe("Exit");
  });

  it("prefers the name the marketer typed, trimmed; a blank one falls back", () => {
    const data = { kind: "duration", amount: 1, unit: "days" };
    expect(stepName("wait", { ...data, name: "  Cool-off  " }, ctx)).toBe("Cool-off");
    expect(stepName("wait", { ...data, name: "   " }, ctx)).toBe("Wait 1 day");
  });

  it("numbers two steps that would read the same, so each row points at one step", () => {
    const wait = { kind: "duration", amount: 1, unit: "days" };
    expect(
      uniqueStepNames(
        [
          { id: "a", type: "wait", data: wait },
          { id: "b", type: "wait", data: wait },
          { id: "c", type: "wait", data: { ...wait, amount: 2 } },
        ],
        ctx,
      ),
    ).toEqual({ a: "Wait 1 day", b: "Wait 1 day (2)", c: "Wait 2 days" });
  });

  it("numbers the canvas top to bottom, whatever order the nodes were saved in", () => {
    const wait = { kind: "duration", amount: 1, unit: "days" };
    const draft = {
      nodes: [
        { id: "low", type: "wait", position: { x: 0, y: 300 }, data: wait },
        { id: "high", type: "wait", position: { x: 0, y: 100 }, data: wait },
      ],
      edges: [],
    };
    expect(nameJourneySteps(draft, ctx)).toEqual({ high: "Wait 1 day", low: "Wait 1 day (2)" });
    expect(nameJourneySteps("not a graph", ctx)).toEqual({});
  });
});

describe("a named step through publish", () => {
  const draft = {
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: { kind: "event", event: "Signed Up" },
      },
      {
        id: "wait_1",
        type: "wait",
        position: { x: 0, y: 100 },
        data: { kind: "duration", amount: 1, unit: "days", name: "Cool-off" },
      },
      { id: "exit_1", type: "exit", position: { x: 0, y: 200 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "trigger", target: "wait_1" },
      { id: "e2", source: "wait_1", target: "exit_1" },
    ],
  };
  const checks = { template: () => undefined, segmentExists: () => true };

  it("validates with the name set aside from the kind's strict settings, and the plan keeps it", () => {
    const checked = validateGraph(draft, checks);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const plan = compileJourney(
      checked.graph,
      ZJourneySettings.parse({}),
      nameJourneySteps(draft, ctx),
    );
    expect(plan.steps.wait_1).toMatchObject({ name: "Cool-off", config: { amount: 1 } });
    expect(plan.steps.wait_1!.config).not.toHaveProperty("name");
    expect(ZPlan.parse(JSON.parse(JSON.stringify(plan))).steps.trigger!.name).toBe(
      "When Signed Up happens",
    );
  });

  it("refuses a name that is not short text, naming the node and the field", () => {
    const long = {
      ...draft,
      nodes: draft.nodes.map((n) =>
        n.id === "wait_1" ? { ...n, data: { ...n.data, name: "x".repeat(81) } } : n,
      ),
    };
    const checked = validateGraph(long, checks);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual([
      expect.objectContaining({ nodeIds: ["wait_1"], path: ["data", "name"] }),
    ]);
  });
});
