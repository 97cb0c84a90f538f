import type { TDraftGraph } from "../graph/graph-schema";

export const SEGMENT_ID = "3f7c1a52-6a0e-4b51-9d1e-0c6f2b8f4a11";
export const TEMPLATES: Record<string, { channel: string }> = {
  "tpl-email": { channel: "email" },
  "tpl-sms": { channel: "sms" },
};
export const VALIDATE_CTX = {
  template: (id: string) => TEMPLATES[id],
  segmentExists: (id: string) => id === SEGMENT_ID,
};

export const node = (id: string, type: string, data: Record<string, unknown> = {}) =>
  ({ id, type, position: { x: 0, y: 0 }, data }) as TDraftGraph["nodes"][number];
export const edge = (source: string, target: string, handle?: string) =>
  ({
    id: `${source}:${handle ?? "next"}->${target}`,
    source,
    sourceHandle: handle ?? null,
    target,
  }) as TDraftGraph["edges"][number];

/** A journey with every node kind and every output connected: the reference for validate, compile and run. */
export function everyKindGraph(): TDraftGraph {
  return {
    nodes: [
      node("t", "trigger", { kind: "event", event: "signed_up", filters: [] }),
      node("h", "holdout", { percent: 10 }),
      node("s1", "send", { channel: "email", templateId: "tpl-email" }),
      node("w1", "wait", { kind: "duration", amount: 1, unit: "days" }),
      node("wfe", "wait_for_event", {
        event: "purchased",
        filters: [{ property: "plan", value: "pro" }],
        timeout: { amount: 3, unit: "days" },
      }),
      node("u", "update_contact", { attribute: "customer", value: true }),
      node("b", "branch", {
        condition: { kind: "engagement", sendNodeId: "s1", action: "opened" },
      }),
      node("ab", "ab_split", {
        variants: [
          { id: "A", percent: 50 },
          { id: "B", percent: 50 },
        ],
      }),
      node("s2", "send", { channel: "sms", templateId: "tpl-sms" }),
      node("wh", "webhook", {
        url: "http://127.0.0.1:9/hook",
        method: "POST",
        body: '{"email":"{{ contact.email }}"}',
      }),
      node("m", "multi_branch", {
        cases: [
          {
            id: "pro",
            condition: {
              kind: "attribute",
              filter: { property: "plan", type: "string", op: "equals", value: "pro" },
            },
          },
          { id: "vip", condition: { kind: "segment", segmentId: SEGMENT_ID, in: true } },
        ],
      }),
      node("x1", "exit"),
      node("x2", "exit"),
      node("x3", "exit"),
    ],
    edges: [
      edge("t", "h"),
      edge("h", "s1", "continue"),
      edge("s1", "w1"),
      edge("w1", "wfe"),
      edge("wfe", "u", "happened"),
      edge("u", "x1"),
      edge("wfe", "b", "timed_out"),
      edge("b", "ab", "yes"),
      edge("ab", "s2", "A"),
      edge("ab", "wh", "B"),
      edge("s2", "x2"),
      edge("wh", "x2"),
      edge("b", "m", "no"),
      edge("m", "x3", "pro"),
      edge("m", "x3", "vip"),
      edge("m", "x3", "else"),
    ],
  };
}
