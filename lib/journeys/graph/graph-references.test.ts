import { describe, expect, it } from "vitest";
import { SEGMENT_ID, edge, everyKindGraph, node } from "../testing/graph-fixtures";
import { graphReferences, graphReferencesId } from "./graph-references";

const OTHER = "9b2d7c41-0e55-4f7a-8a64-2c1e5d3b7f22";
const THIRD = "1c4e8f20-7d3b-4a95-b6e1-5f0a9c2d8e33";

describe("graph references", () => {
  it("lists the templates and segments a journey names, from each node's typed data", () => {
    expect(graphReferences(everyKindGraph())).toEqual({
      segmentIds: [SEGMENT_ID],
      templateIds: ["tpl-email", "tpl-sms"],
    });
    const graph = {
      nodes: [
        node("t", "trigger", { kind: "segment_entered", segmentId: SEGMENT_ID }),
        node("b", "branch", { condition: { kind: "segment", segmentId: OTHER, in: false } }),
        node("m", "multi_branch", {
          cases: [
            {
              id: "a",
              // Inside nested AND/OR groups too: a segment deleted from under a group would break it.
              condition: {
                kind: "group",
                match: "all",
                conditions: [
                  { kind: "did_event", event: "viewed" },
                  {
                    kind: "group",
                    match: "any",
                    conditions: [{ kind: "segment", segmentId: THIRD }],
                  },
                ],
              },
            },
            { id: "b", condition: { kind: "segment", segmentId: SEGMENT_ID } },
          ],
        }),
        node("s", "send", { channel: "email", templateId: "tpl-email" }),
      ],
      edges: [edge("t", "b")],
    };
    expect(graphReferences(graph)).toEqual({
      segmentIds: [SEGMENT_ID, OTHER, THIRD],
      templateIds: ["tpl-email"],
    });
    expect(graphReferencesId(graph, { segmentId: THIRD })).toBe(true);
    expect(graphReferencesId(graph, { templateId: "tpl-sms" })).toBe(false);
  });

  it("lists the segments a wait-for-event's condition names, so deleting one is refused", () => {
    const FOURTH = "4d2a6b10-3c9e-4f81-a7d2-0b5e8c1f6a44";
    const graph = {
      nodes: [
        node("w", "wait_for_event", {
          event: "paid",
          timeout: { amount: 1, unit: "days" },
          match: "any",
          condition: {
            kind: "group",
            match: "all",
            conditions: [{ kind: "segment", segmentId: FOURTH }],
          },
        }),
      ],
    };
    expect(graphReferences(graph).segmentIds).toEqual([FOURTH]);
    expect(graphReferencesId(graph, { segmentId: FOURTH })).toBe(true);
  });

  it("reads what a half-built draft node has chosen", () => {
    const draft = {
      nodes: [
        node("b", "branch", { condition: { kind: "segment", segmentId: OTHER } }),
        node("s", "send", { templateId: "tpl-sms" }),
        node("t", "trigger", { kind: "segment_entered" }),
        node("s2", "send", { channel: "sms", templateId: "" }),
      ],
    };
    expect(graphReferences(draft)).toEqual({ segmentIds: [OTHER], templateIds: ["tpl-sms"] });
  });

  it("is not fooled by an id that merely appears in the JSON", () => {
    const graph = {
      nodes: [
        node("w", "webhook", { url: "http://127.0.0.1:9/h", body: `{"segment":"${SEGMENT_ID}"}` }),
        node("u", "update_contact", { attribute: "last_template", value: "tpl-email" }),
        node("b", "branch", {
          condition: { kind: "attribute", filter: { property: "x", value: SEGMENT_ID } },
        }),
      ],
    };
    expect(JSON.stringify(graph).includes(SEGMENT_ID)).toBe(true);
    expect(graphReferences(graph)).toEqual({ segmentIds: [], templateIds: [] });
    expect(graphReferences("not a graph")).toEqual({ segmentIds: [], templateIds: [] });
  });
});
