import type { TNodeKind } from "../graph/node-data";

/**
 * What a node holds when dropped on the canvas: enough that its summary and output handles make
 * sense at once. Some fields stay empty on purpose (template, event) so publishing names them.
 */
export function defaultNodeData(kind: TNodeKind): Record<string, unknown> {
  switch (kind) {
    case "trigger":
      return { kind: "event", event: "", filters: [] };
    case "wait":
      return { kind: "duration", amount: 1, unit: "days" };
    case "wait_for_event":
      return { event: "", filters: [], timeout: { amount: 3, unit: "days" } };
    case "branch":
      return {
        condition: {
          kind: "attribute",
          filter: { property: "", type: "string", op: "equals", value: "" },
        },
      };
    case "multi_branch":
      return {
        cases: [
          {
            id: "case_1",
            label: "Case 1",
            condition: {
              kind: "attribute",
              filter: { property: "", type: "string", op: "equals", value: "" },
            },
          },
        ],
      };
    case "ab_split":
      return {
        variants: [
          { id: "a", label: "A", percent: 50 },
          { id: "b", label: "B", percent: 50 },
        ],
      };
    case "holdout":
      return { percent: 10 };
    case "send":
      return { channel: "email", templateId: "" };
    case "update_contact":
      return { attribute: "", value: "" };
    case "webhook":
      return { url: "", method: "POST", body: "", headers: {} };
    case "exit":
      return {};
  }
}
