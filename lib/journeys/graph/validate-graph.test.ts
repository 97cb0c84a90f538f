import { createTranslator } from "next-intl";
import { afterAll, describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { GRAPH_ERROR_CODES, validateGraph, type TGraphError } from "./validate-graph";
import { VALIDATE_CTX, edge, everyKindGraph, node } from "../testing/graph-fixtures";
import type { TDraftGraph } from "./graph-schema";

// The editor words each error from journeys.graphErrors with its values (zod's own messages of
// invalid_graph and invalid_node excepted): in English that must read exactly as `message`.
const worded = createTranslator({ locale: "en", messages: en, namespace: "journeys.graphErrors" });
const ZOD_CODES = ["invalid_graph", "invalid_node"];
const seen = new Set<string>();
const errorsOf = (g: unknown): TGraphError[] => {
  const r = validateGraph(g, VALIDATE_CTX);
  const errors = r.ok ? [] : r.errors;
  for (const e of errors) {
    seen.add(e.code);
    if (ZOD_CODES.includes(e.code)) continue;
    expect(worded(e.code as "cycle", e.values ?? {}), e.code).toBe(e.message);
  }
  return errors;
};
afterAll(() => {
  // Every code the editor words was produced, so every catalogue entry above was checked.
  expect(GRAPH_ERROR_CODES.filter((c) => !seen.has(c) && !ZOD_CODES.includes(c))).toEqual([]);
});
const only = (g: unknown, code: string) => errorsOf(g).filter((e) => e.code === code);
const mutate = (fn: (g: TDraftGraph) => void) => {
  const g = everyKindGraph();
  fn(g);
  return g;
};
const dataOf = (g: TDraftGraph, id: string) =>
  g.nodes.find((n) => n.id === id)!.data as Record<string, unknown>;

describe("validateGraph", () => {
  it("accepts a complete journey with every node kind", () => {
    const r = validateGraph(everyKindGraph(), VALIDATE_CTX);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.ok && r.graph.nodes).toHaveLength(14);
  });

  it("rejects something that is not a graph", () => {
    expect(only({ nodes: "x" }, "invalid_graph")).toHaveLength(1);
  });

  it("names the node and field of invalid node data", () => {
    const [e] = only(
      mutate((g) => {
        dataOf(g, "s1").channel = "fax";
      }),
      "invalid_node",
    );
    expect(e).toMatchObject({ nodeIds: ["s1"], path: ["data", "channel"] });
  });

  it("points a bad property filter at its field, on the trigger and on a wait for an event", () => {
    const errors = only(
      mutate((g) => {
        dataOf(g, "t").filters = [
          { property: "amount", type: "number", op: "gt", value: 100 },
          { property: "amount", type: "number", op: "gt", value: "lots" },
        ];
        dataOf(g, "wfe").filters = [
          { property: "plan", value: "pro" },
          { property: "bad name", value: "x" },
        ];
      }),
      "invalid_node",
    );
    expect(errors).toEqual([
      expect.objectContaining({
        nodeIds: ["t"],
        path: ["data", "filters", 1, "value"],
        message: "must be a number",
      }),
      expect.objectContaining({ nodeIds: ["wfe"], path: ["data", "filters", 1, "property"] }),
    ]);
  });

  it("reports duplicate node ids", () => {
    expect(
      only(
        mutate((g) => g.nodes.push(node("x3", "exit"))),
        "duplicate_node_id",
      )[0]?.nodeIds,
    ).toEqual(["x3"]);
  });

  it("reports an edge to a node that does not exist", () => {
    expect(
      only(
        mutate((g) => g.edges.push(edge("x1", "ghost"))),
        "dangling_edge",
      )[0],
    ).toMatchObject({ nodeIds: ["x1"], edgeId: "x1:next->ghost" });
  });

  it("needs a trigger", () => {
    expect(
      only(
        mutate((g) => {
          g.nodes = g.nodes.filter((n) => n.id !== "t");
          g.edges = g.edges.filter((e) => e.source !== "t");
        }),
        "no_trigger",
      ),
    ).toHaveLength(1);
  });

  it("allows only one trigger", () => {
    const g = mutate((g) => {
      g.nodes.push(node("t2", "trigger", { kind: "api" }));
      g.edges.push(edge("t2", "x3"));
    });
    expect(only(g, "multiple_triggers")[0]?.nodeIds).toEqual(["t", "t2"]);
  });

  it("forbids edges into the trigger", () => {
    expect(
      only(
        mutate((g) => {
          g.nodes.push(node("p", "send", { channel: "email", templateId: "tpl-email" }));
          g.edges.push(edge("p", "t"));
        }),
        "edge_into_trigger",
      )[0]?.nodeIds,
    ).toEqual(["t", "p"]);
  });

  it("reports every unconnected output by handle", () => {
    const errs = only(
      mutate((g) => {
        g.edges = g.edges.filter((e) => !(e.source === "wfe" && e.sourceHandle === "timed_out"));
      }),
      "unconnected_output",
    );
    expect(errs).toContainEqual(expect.objectContaining({ nodeIds: ["wfe"], handle: "timed_out" }));
  });

  it("reports an unconnected split variant and else", () => {
    const errs = only(
      mutate((g) => {
        g.edges = g.edges.filter((e) => e.sourceHandle !== "B" && e.sourceHandle !== "else");
      }),
      "unconnected_output",
    );
    expect(errs.map((e) => e.handle).sort()).toEqual(["B", "else"]);
  });

  it("reports an output connected twice", () => {
    expect(
      only(
        mutate((g) => g.edges.push({ ...edge("s1", "x1"), id: "dup" })),
        "duplicate_output",
      )[0],
    ).toMatchObject({ nodeIds: ["s1"], handle: "next" });
  });

  it("reports a handle the node does not have", () => {
    expect(
      only(
        mutate((g) => g.edges.push(edge("b", "x1", "maybe"))),
        "unknown_handle",
      )[0],
    ).toMatchObject({ nodeIds: ["b"], handle: "maybe" });
  });

  it("reports nodes the trigger does not reach", () => {
    expect(
      only(
        mutate((g) => g.nodes.push(node("lost", "exit"))),
        "unreachable_node",
      )[0]?.nodeIds,
    ).toEqual(["lost"]);
  });

  it("reports cycles with the nodes on them", () => {
    const g = mutate((g) => {
      g.edges = g.edges.filter((e) => e.source !== "u");
      g.edges.push(edge("u", "w1"));
    });
    expect(only(g, "cycle")[0]?.nodeIds.sort()).toEqual(["u", "w1", "wfe"]);
  });

  it("needs a template on every send", () => {
    expect(
      only(
        mutate((g) => {
          dataOf(g, "s2").templateId = "";
        }),
        "missing_template",
      )[0]?.nodeIds,
    ).toEqual(["s2"]);
  });

  it("needs the template to exist", () => {
    expect(
      only(
        mutate((g) => {
          dataOf(g, "s2").templateId = "gone";
        }),
        "unknown_template",
      )[0]?.nodeIds,
    ).toEqual(["s2"]);
  });

  it("needs the template to be of the send's channel", () => {
    expect(
      only(
        mutate((g) => {
          dataOf(g, "s2").templateId = "tpl-email";
        }),
        "template_channel_mismatch",
      )[0]?.nodeIds,
    ).toEqual(["s2"]);
  });

  it("needs split percentages to sum to 100", () => {
    const [e] = only(
      mutate((g) => {
        dataOf(g, "ab").variants = [
          { id: "A", percent: 50 },
          { id: "B", percent: 40 },
        ];
      }),
      "split_total",
    );
    expect(e).toMatchObject({ nodeIds: ["ab"], message: expect.stringContaining("90%") });
  });

  it("needs a holdout strictly between 0 and 100 percent", () => {
    expect(
      only(
        mutate((g) => {
          dataOf(g, "h").percent = 0;
        }),
        "holdout_percent",
      ),
    ).toHaveLength(1);
    expect(
      only(
        mutate((g) => {
          dataOf(g, "h").percent = 100;
        }),
        "holdout_percent",
      ),
    ).toHaveLength(1);
  });

  it("needs waits and timeouts longer than zero", () => {
    expect(
      only(
        mutate((g) => {
          dataOf(g, "w1").amount = 0;
        }),
        "wait_not_positive",
      )[0]?.nodeIds,
    ).toEqual(["w1"]);
    expect(
      only(
        mutate((g) => {
          dataOf(g, "wfe").timeout = { amount: -1, unit: "hours" };
        }),
        "wait_not_positive",
      )[0]?.nodeIds,
    ).toEqual(["wfe"]);
  });

  it("needs referenced segments to exist, in triggers and branches", () => {
    const other = "9a9a9a9a-0000-4000-8000-000000000000";
    const g = mutate((g) => {
      dataOf(g, "t").kind = "segment_entered";
      delete dataOf(g, "t").event;
      delete dataOf(g, "t").filters;
      dataOf(g, "t").segmentId = other;
      (dataOf(g, "m").cases as { condition: { segmentId?: string } }[])[1]!.condition.segmentId =
        other;
    });
    expect(only(g, "unknown_segment").map((e) => e.nodeIds[0])).toEqual(["t", "m"]);
  });

  it("needs engagement branches to test a send", () => {
    expect(
      only(
        mutate((g) => {
          dataOf(g, "b").condition = { kind: "engagement", sendNodeId: "w1", action: "clicked" };
        }),
        "engagement_not_a_send",
      )[0]?.nodeIds,
    ).toEqual(["b", "w1"]);
  });

  it("needs the tested send on every path to the engagement branch", () => {
    // s2 is only on the A side of the split, so a branch after the join does not always follow it.
    const g = mutate((g) => {
      g.edges = g.edges.filter((e) => e.target !== "x2");
      g.nodes.push(
        node("late", "branch", {
          condition: { kind: "engagement", sendNodeId: "s2", action: "clicked" },
        }),
      );
      g.edges.push(
        edge("s2", "late"),
        edge("wh", "late"),
        edge("late", "x2", "yes"),
        edge("late", "x2", "no"),
      );
    });
    expect(only(g, "engagement_not_after_send")[0]?.nodeIds).toEqual(["late", "s2"]);
    expect(only(everyKindGraph(), "engagement_not_after_send")).toEqual([]);
  });

  it("checks every condition inside AND/OR groups: one error per defect, at its own path", () => {
    const other = "9a9a9a9a-0000-4000-8000-000000000000";
    const g = mutate((g) => {
      dataOf(g, "b").condition = {
        kind: "group",
        match: "all",
        conditions: [
          { kind: "did_event", event: "viewed", did: true },
          {
            kind: "group",
            match: "any",
            conditions: [
              { kind: "segment", segmentId: other, in: true },
              { kind: "engagement", sendNodeId: "w1", action: "opened" },
              { kind: "did_event", event: "" },
            ],
          },
        ],
      };
    });
    const errors = errorsOf(g).filter((e) => e.nodeIds[0] === "b");
    expect(errors.map((e) => [e.code, e.path?.join(".")])).toEqual([
      ["invalid_node", "data.condition.conditions.1.conditions.2.event"],
    ]);
    // Once the data parses, the references are checked one by one.
    (
      (dataOf(g, "b").condition as { conditions: { conditions: unknown[] }[] }).conditions[1]!
        .conditions as unknown[]
    ).pop();
    expect(
      errorsOf(g)
        .filter((e) => e.nodeIds[0] === "b")
        .map((e) => [e.code, e.path?.join(".")]),
    ).toEqual([
      ["unknown_segment", "data.condition.conditions.1.conditions.0.segmentId"],
      ["engagement_not_a_send", "data.condition.conditions.1.conditions.1.sendNodeId"],
    ]);
  });

  it("checks a wait-for-event's condition group the same way: one error per defect, at its own path", () => {
    const other = "9a9a9a9a-0000-4000-8000-000000000000";
    const group = (last: unknown) => ({
      kind: "group",
      match: "any",
      conditions: [
        { kind: "segment", segmentId: other, in: true },
        { kind: "engagement", sendNodeId: "w1", action: "opened" },
        last,
      ],
    });
    const g = mutate((g) => {
      dataOf(g, "wfe").match = "all";
      dataOf(g, "wfe").condition = group({ kind: "did_event", event: "" });
    });
    const ofWfe = () =>
      errorsOf(g)
        .filter((e) => e.nodeIds[0] === "wfe")
        .map((e) => [e.code, e.path?.join(".")]);
    expect(ofWfe()).toEqual([["invalid_node", "data.condition.conditions.2.event"]]);
    dataOf(g, "wfe").condition = group({ kind: "did_event", event: "viewed" });
    expect(ofWfe()).toEqual([
      ["unknown_segment", "data.condition.conditions.0.segmentId"],
      ["engagement_not_a_send", "data.condition.conditions.1.sendNodeId"],
    ]);
    dataOf(g, "wfe").match = "either";
    expect(ofWfe()).toContainEqual(["invalid_node", "data.match"]);
    const wrap = (c: unknown) => ({ kind: "group", match: "any", conditions: [c] });
    const deep = mutate((g) => {
      dataOf(g, "wfe").condition = wrap(wrap(wrap(wrap({ kind: "did_event", event: "v" }))));
    });
    expect(only(deep, "condition_too_deep").map((e) => [e.nodeIds, e.path?.join(".")])).toEqual([
      [["wfe"], "data.condition"],
    ]);
    const fine = mutate((g) => {
      dataOf(g, "wfe").condition = wrap({
        kind: "engagement",
        sendNodeId: "s1",
        action: "clicked",
      });
    });
    expect(errorsOf(fine)).toEqual([]);
  });

  it("refuses empty groups and groups nested deeper than three", () => {
    const leaf = { kind: "did_event", event: "viewed" };
    const wrap = (c: unknown) => ({ kind: "group", match: "any", conditions: [c] });
    const empty = mutate((g) => {
      dataOf(g, "b").condition = { kind: "group", match: "all", conditions: [] };
    });
    expect(only(empty, "invalid_node").map((e) => e.message)).toEqual([
      "a group needs at least one condition",
    ]);
    const deep = mutate((g) => {
      dataOf(g, "b").condition = wrap(wrap(wrap(wrap(leaf))));
    });
    expect(only(deep, "condition_too_deep").map((e) => e.path?.join("."))).toEqual([
      "data.condition",
    ]);
    const fine = mutate((g) => {
      dataOf(g, "b").condition = wrap(wrap(wrap(leaf)));
    });
    expect(errorsOf(fine)).toEqual([]);
  });
});
