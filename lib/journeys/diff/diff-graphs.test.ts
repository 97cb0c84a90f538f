import { describe, expect, it } from "vitest";
import { edge, node } from "../testing/graph-fixtures";
import { diffGraphs, isEmptyDiff } from "./diff-graphs";

const base = () => ({
  nodes: [
    node("t", "trigger", { kind: "event", event: "signed_up", filters: [] }),
    node("s", "send", { channel: "email", templateId: "tpl-1" }),
    node("w", "wait", { kind: "duration", amount: 1, unit: "days" }),
    node("x", "exit"),
  ],
  edges: [edge("t", "s"), edge("s", "w"), edge("w", "x")],
});

describe("diffGraphs", () => {
  it("finds nothing between a graph and itself", () => {
    const d = diffGraphs(base(), base());
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.nodes.map((n) => n.status)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(d.edges.every((e) => e.status === "unchanged")).toBe(true);
  });

  it("names nodes added, removed and changed, with the settings that changed", () => {
    const after = base();
    after.nodes[1] = node("s", "send", { channel: "email", templateId: "tpl-2" });
    after.nodes.splice(2, 1); // the wait goes
    after.nodes.push(node("h", "holdout", { percent: 10 }));
    after.edges = [edge("t", "h"), edge("h", "s", "continue"), edge("s", "x")];
    const d = diffGraphs(base(), after);
    expect(d.nodes.map((n) => [n.id, n.status, n.fields])).toEqual([
      ["t", "unchanged", []],
      ["s", "changed", ["templateId"]],
      ["x", "unchanged", []],
      ["h", "added", []],
      ["w", "removed", []],
    ]);
    expect(d.edges.map((e) => [e.key, e.status])).toEqual([
      ["t:next->h", "added"],
      ["h:continue->s", "added"],
      ["s:next->x", "added"],
      ["t:next->s", "removed"],
      ["s:next->w", "removed"],
      ["w:next->x", "removed"],
    ]);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1, edgesAdded: 3, edgesRemoved: 3 });
  });

  it("counts a change of kind, and a move only as a move", () => {
    const after = base();
    after.nodes[2] = {
      ...node("w", "wait_for_event", { event: "paid" }),
      position: { x: 5, y: 9 },
    };
    after.nodes[3] = { ...after.nodes[3]!, position: { x: 300, y: 0 } };
    const d = diffGraphs(base(), after);
    expect(d.nodes[2]).toMatchObject({
      status: "changed",
      fields: ["type", "amount", "event", "kind", "unit"],
    });
    expect(d.nodes[3]).toMatchObject({ status: "unchanged", moved: true });
    expect(d.counts.changed).toBe(1);
  });

  it("matches edges by where they go, not by their ids", () => {
    const after = base();
    after.edges = after.edges.map((e) => ({ ...e, id: `other-${e.id}`, sourceHandle: null }));
    expect(isEmptyDiff(diffGraphs(base(), after))).toBe(true);
  });
});
