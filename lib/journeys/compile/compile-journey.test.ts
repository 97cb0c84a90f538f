import { describe, expect, it } from "vitest";
import { compileJourney, PLAN_VERSION, ZPlan } from "./compile-journey";
import { ZJourneySettings } from "../graph/journey-settings";
import { validateGraph } from "../graph/validate-graph";
import { VALIDATE_CTX, everyKindGraph } from "../testing/graph-fixtures";
import type { TPublishGraph } from "../graph/graph-schema";

const settings = ZJourneySettings.parse({
  entry: { mode: "reentry_after", days: 30 },
  frequencyCap: { maxPerDay: 2 },
});
const published = (): TPublishGraph => {
  const r = validateGraph(everyKindGraph(), VALIDATE_CTX);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.graph;
};

describe("compileJourney", () => {
  it("loses nothing: every node and every edge comes back out of the plan", () => {
    const graph = published();
    const plan = compileJourney(graph, settings);
    expect(plan.version).toBe(PLAN_VERSION);
    expect(plan.entryStepId).toBe("t");
    expect(plan.trigger).toEqual({ kind: "event", event: "signed_up", filters: [] });
    const nodesBack = Object.entries(plan.steps).map(([id, s]) => ({
      id,
      type: s.kind,
      data: s.config,
    }));
    expect(nodesBack).toEqual(
      expect.arrayContaining(graph.nodes.map(({ id, type, data }) => ({ id, type, data }))),
    );
    expect(nodesBack).toHaveLength(graph.nodes.length);
    const edgesBack = Object.entries(plan.steps).flatMap(([id, s]) =>
      Object.entries(s.next).map(([handle, target]) => `${id}:${handle}->${target}`),
    );
    expect(edgesBack.sort()).toEqual(
      graph.edges.map((e) => `${e.source}:${e.sourceHandle}->${e.target}`).sort(),
    );
  });

  it("gives every step the id node:<nodeId>", () => {
    const plan = compileJourney(published(), settings);
    for (const [id, s] of Object.entries(plan.steps)) expect(s.stepId).toBe(`node:${id}`);
  });

  it("is deterministic, whatever order the canvas saved nodes and edges in", () => {
    const a = published();
    const b: TPublishGraph = { nodes: [...a.nodes].reverse(), edges: [...a.edges].reverse() };
    expect(JSON.stringify(compileJourney(b, settings))).toBe(
      JSON.stringify(compileJourney(a, settings)),
    );
  });

  it("stores as JSON and reads back through ZPlan unchanged", () => {
    const plan = compileJourney(published(), settings);
    expect(ZPlan.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it("refuses a stored plan whose step config does not fit its kind", () => {
    const plan = JSON.parse(JSON.stringify(compileJourney(published(), settings)));
    plan.steps.h.config.percent = "ten";
    expect(ZPlan.safeParse(plan).success).toBe(false);
  });

  it("throws on a graph without exactly one trigger", () => {
    const g = published();
    expect(() =>
      compileJourney({ ...g, nodes: g.nodes.filter((n) => n.type !== "trigger") }, settings),
    ).toThrow(/exactly one trigger/);
  });
});
