import { describe, expect, it } from "vitest";
import { ZDraftGraph } from "../graph/graph-schema";
import {
  canvasReducer,
  initialCanvasState,
  toDraftGraph,
  type TCanvasAction,
  type TCanvasState,
} from "./canvas-state";
import { layoutGraph } from "./layout-graph";

const start = () =>
  initialCanvasState(
    ZDraftGraph.parse({
      nodes: [{ id: "t", type: "trigger", position: { x: 0, y: 0 }, data: { kind: "api" } }],
    }),
  );
const run = (s: TCanvasState, ...actions: TCanvasAction[]) => actions.reduce(canvasReducer, s);
const draftOk = (s: TCanvasState) =>
  expect(ZDraftGraph.safeParse(toDraftGraph(s)).success).toBe(true);
let n = 0;
const seqId = (kind: string) => `${kind}_p${++n}`;

describe("canvas state", () => {
  it("adds and connects nodes, each edit one undo step, and redoes them", () => {
    let s = run(
      start(),
      { type: "add", kind: "send", position: { x: 0, y: 150 }, id: "s1" },
      {
        type: "connect",
        connection: { source: "t", sourceHandle: null, target: "s1", targetHandle: null },
      },
    );
    expect(s.nodes.map((x) => x.id)).toEqual(["t", "s1"]);
    expect(s.edges).toEqual([{ id: "e_t_next_s1", source: "t", sourceHandle: null, target: "s1" }]);
    expect(s.nodes.find((x) => x.id === "s1")?.selected).toBe(true);
    draftOk(s);
    s = run(s, { type: "undo" });
    expect(s.edges).toEqual([]);
    expect(s.nodes).toHaveLength(2);
    s = run(s, { type: "undo" });
    expect(s.nodes.map((x) => x.id)).toEqual(["t"]);
    expect(run(s, { type: "undo" })).toBe(s);
    s = run(s, { type: "redo" }, { type: "redo" });
    expect(s.edges).toHaveLength(1);
    draftOk(s);
  });

  it("refuses edges into the trigger and to the node itself; a second edge from one output replaces the first", () => {
    let s = run(
      start(),
      { type: "add", kind: "branch", position: { x: 0, y: 0 }, id: "b" },
      { type: "add", kind: "exit", position: { x: 0, y: 0 }, id: "x1" },
      { type: "add", kind: "exit", position: { x: 0, y: 0 }, id: "x2" },
    );
    const before = s;
    s = run(
      s,
      {
        type: "connect",
        connection: { source: "b", sourceHandle: "yes", target: "t", targetHandle: null },
      },
      {
        type: "connect",
        connection: { source: "b", sourceHandle: "yes", target: "b", targetHandle: null },
      },
    );
    expect(s).toBe(before);
    s = run(
      s,
      {
        type: "connect",
        connection: { source: "b", sourceHandle: "yes", target: "x1", targetHandle: null },
      },
      {
        type: "connect",
        connection: { source: "b", sourceHandle: "yes", target: "x2", targetHandle: null },
      },
    );
    expect(s.edges.map((e) => e.target)).toEqual(["x2"]);
  });

  it("a drag is one undo step taken when it ends; selection is not history", () => {
    let s = run(start(), { type: "select", ids: ["t"] });
    expect(s.past).toHaveLength(0);
    s = run(
      s,
      {
        type: "nodes_change",
        changes: [{ type: "position", id: "t", position: { x: 10, y: 10 }, dragging: true }],
      },
      {
        type: "nodes_change",
        changes: [{ type: "position", id: "t", position: { x: 50, y: 60 }, dragging: true }],
      },
      { type: "nodes_change", changes: [{ type: "position", id: "t", dragging: false }] },
    );
    expect(s.nodes[0]!.position).toEqual({ x: 50, y: 60 });
    expect(s.past).toHaveLength(1);
    s = run(s, { type: "undo" });
    expect(s.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it("typing into one field coalesces into one undo step", () => {
    let s = run(start(), { type: "add", kind: "wait", position: { x: 0, y: 0 }, id: "w" });
    for (const amount of [1, 12, 123])
      s = run(s, {
        type: "update_data",
        id: "w",
        data: { kind: "duration", amount, unit: "hours" },
        coalesceKey: "w.amount",
      });
    expect(s.past).toHaveLength(2);
    s = run(s, { type: "undo" });
    expect(s.nodes.find((x) => x.id === "w")?.data).toEqual({
      kind: "duration",
      amount: 1,
      unit: "days",
    });
  });

  it("removing a variant drops the edge from its output", () => {
    let s = run(
      start(),
      { type: "add", kind: "ab_split", position: { x: 0, y: 0 }, id: "ab" },
      { type: "add", kind: "exit", position: { x: 0, y: 0 }, id: "x" },
      {
        type: "connect",
        connection: { source: "ab", sourceHandle: "b", target: "x", targetHandle: null },
      },
    );
    s = run(s, {
      type: "update_data",
      id: "ab",
      data: { variants: [{ id: "a", label: "A", percent: 100 }] },
    });
    expect(s.edges).toEqual([]);
  });

  it("deletes the selected nodes with their edges in one step", () => {
    let s = run(
      start(),
      { type: "add", kind: "send", position: { x: 0, y: 0 }, id: "s" },
      { type: "add", kind: "exit", position: { x: 0, y: 0 }, id: "x" },
      {
        type: "connect",
        connection: { source: "t", sourceHandle: null, target: "s", targetHandle: null },
      },
      {
        type: "connect",
        connection: { source: "s", sourceHandle: null, target: "x", targetHandle: null },
      },
      { type: "select", ids: ["s"] },
      { type: "remove_selected" },
    );
    expect(s.nodes.map((x) => x.id)).toEqual(["t", "x"]);
    expect(s.edges).toEqual([]);
    s = run(s, { type: "undo" });
    expect(s.edges).toHaveLength(2);
  });

  it("pastes copies with new ids, keeping only the edges between copied nodes", () => {
    let s = run(
      start(),
      { type: "add", kind: "send", position: { x: 0, y: 100 }, id: "s" },
      { type: "add", kind: "wait", position: { x: 0, y: 200 }, id: "w" },
      {
        type: "connect",
        connection: { source: "t", sourceHandle: null, target: "s", targetHandle: null },
      },
      {
        type: "connect",
        connection: { source: "s", sourceHandle: null, target: "w", targetHandle: null },
      },
    );
    const copied = s.nodes.filter((x) => x.id !== "t");
    s = run(s, { type: "paste", nodes: copied, edges: s.edges, newId: seqId });
    expect(s.nodes).toHaveLength(5);
    const pasted = s.nodes.slice(3);
    expect(pasted.map((x) => x.type)).toEqual(["send", "wait"]);
    expect(new Set(s.nodes.map((x) => x.id)).size).toBe(5);
    expect(pasted.every((x) => x.selected)).toBe(true);
    expect(pasted[0]!.position).toEqual({ x: 40, y: 140 });
    const inner = s.edges.filter((e) => pasted.some((p) => p.id === e.source));
    expect(inner).toEqual([
      expect.objectContaining({ source: pasted[0]!.id, target: pasted[1]!.id }),
    ]);
    expect(s.edges).toHaveLength(3);
    draftOk(s);
    expect(run(s, { type: "undo" }).nodes).toHaveLength(3);
  });

  it("round-trips: canvas → stored draft → canvas gives the same graph", () => {
    const s = run(
      start(),
      { type: "add", kind: "wait_for_event", position: { x: 3.4, y: 100 }, id: "we" },
      { type: "add", kind: "exit", position: { x: 0, y: 300 }, id: "x" },
      {
        type: "connect",
        connection: { source: "t", sourceHandle: null, target: "we", targetHandle: null },
      },
      {
        type: "connect",
        connection: { source: "we", sourceHandle: "timed_out", target: "x", targetHandle: null },
      },
    );
    const stored = JSON.parse(JSON.stringify(toDraftGraph(s))) as unknown;
    const again = initialCanvasState(ZDraftGraph.parse(stored));
    expect(toDraftGraph(again)).toEqual(toDraftGraph(s));
    expect(again.edges).toEqual([
      { id: "e_t_next_we", source: "t", sourceHandle: null, target: "we" },
      { id: "e_we_timed_out_x", source: "we", sourceHandle: "timed_out", target: "x" },
    ]);
    expect(again.nodes.find((x) => x.id === "we")?.position).toEqual({ x: 3, y: 100 });
  });

  it("restoring a version replaces the whole graph in one undo step, and undo brings the draft back", () => {
    const drawn = run(
      start(),
      { type: "add", kind: "send", position: { x: 0, y: 100 }, id: "s" },
      {
        type: "connect",
        connection: { source: "t", sourceHandle: null, target: "s", targetHandle: null },
      },
    );
    const version = ZDraftGraph.parse({
      nodes: [
        {
          id: "t",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { kind: "event", event: "Signed Up", filters: [] },
        },
        { id: "x", type: "exit", position: { x: 0, y: 150 }, data: {} },
      ],
      edges: [{ id: "e_t_next_x", source: "t", sourceHandle: null, target: "x" }],
    });
    let s = run(drawn, { type: "replace", graph: version });
    expect(toDraftGraph(s)).toEqual(version);
    expect(s.revision).toBe(drawn.revision + 1);
    expect(s.past).toHaveLength(drawn.past.length + 1);
    s = run(s, { type: "undo" });
    expect(toDraftGraph(s)).toEqual(toDraftGraph(drawn));
    expect(toDraftGraph(run(s, { type: "redo" }))).toEqual(version);
  });

  it("auto-layout puts each step below the one before it and yes left of no", () => {
    const nodes = ["t", "b", "y", "no"].map((id) => ({ id }));
    const edges = [
      { source: "t", target: "b" },
      { source: "b", target: "no", sourceHandle: "no" },
      { source: "b", target: "y", sourceHandle: "yes" },
    ];
    const p = layoutGraph(nodes, edges, (_id, h) => (h === "no" ? 1 : 0));
    expect(p.b!.y).toBeGreaterThan(p.t!.y);
    expect(p.y!.y).toBeGreaterThan(p.b!.y);
    expect(p.y!.x).toBeLessThan(p.no!.x);
  });
});
