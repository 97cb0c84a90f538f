import { z } from "zod";
import { NODE_MESSAGES } from "./node-messages";
import { NODE_DATA, NODE_KINDS, STEP_NAME_MAX, type TNodeData, type TNodeKind } from "./node-data";

/**
 * The graph the canvas saves, in React Flow's shape. Extra React Flow fields (measured, selected…)
 * pass through untouched. A draft only needs the envelope; publishing needs every node's data
 * to parse strictly for its kind (validate-graph reports which node and field does not).
 */
const ZPosition = z.object({ x: z.number().finite(), y: z.number().finite() });
const ZNodeId = z.string().min(1, { error: NODE_MESSAGES.nodeId }).max(100);

export const ZDraftNode = z.looseObject({
  id: ZNodeId,
  type: z.enum(NODE_KINDS as [TNodeKind, ...TNodeKind[]], {
    error: `must be one of ${NODE_KINDS.join(", ")}`,
  }),
  position: ZPosition.default({ x: 0, y: 0 }),
  data: z.record(z.string(), z.unknown()).default({}),
});
export const ZDraftEdge = z.looseObject({
  id: z.string().min(1).max(200),
  source: ZNodeId,
  sourceHandle: z.string().max(100).nullish(),
  target: ZNodeId,
});
export const ZDraftGraph = z.object({
  nodes: z.array(ZDraftNode).max(500, { error: NODE_MESSAGES.tooManyNodes }).default([]),
  edges: z.array(ZDraftEdge).max(2000).default([]),
});
export type TDraftNode = z.infer<typeof ZDraftNode>;
export type TDraftEdge = z.infer<typeof ZDraftEdge>;
export type TDraftGraph = z.infer<typeof ZDraftGraph>;

type NodeOf<K extends TNodeKind> = {
  id: string;
  type: K;
  position: { x: number; y: number };
  data: TNodeData<K>;
};
export type TJourneyNode = { [K in TNodeKind]: NodeOf<K> }[TNodeKind];
export type TJourneyEdge = { id: string; source: string; sourceHandle: string; target: string };
export type TPublishGraph = { nodes: TJourneyNode[]; edges: TJourneyEdge[] };

/**
 * One draft node checked strictly: its data must be complete for its kind. `zodErrors` words
 * zod's own messages (the publish passes the caller's language); the schemas' own stay as set.
 */
export function publishNode(
  n: TDraftNode,
  zodErrors?: z.core.$ZodErrorMap,
):
  | { ok: true; node: TJourneyNode }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] } {
  const issues: { path: (string | number)[]; message: string }[] = [];
  // `name` is the marketer's label for the step (any kind); the plan carries it apart from the
  // kind's strict settings (see step-name.ts), so it is set aside before they are checked.
  const { name, ...settings } = n.data;
  if (name !== undefined && (typeof name !== "string" || name.length > STEP_NAME_MAX))
    issues.push({ path: ["data", "name"], message: NODE_MESSAGES.stepName });
  const r = NODE_DATA[n.type].safeParse(settings, zodErrors ? { error: zodErrors } : undefined);
  if (!r.success)
    for (const issue of r.error.issues)
      issues.push({
        path: ["data", ...issue.path.map((p) => p as string | number)],
        message: issue.message,
      });
  if (issues.length || !r.success) return { ok: false, issues };
  return {
    ok: true,
    node: { id: n.id, type: n.type, position: n.position, data: r.data } as TJourneyNode,
  };
}

/** One node parsed strictly (publishNode as a schema, for callers parsing a whole graph). */
export const ZPublishNode = ZDraftNode.transform((n, ctx) => {
  const r = publishNode(n);
  if (r.ok) return r.node;
  for (const issue of r.issues)
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});

/** Single-output nodes may leave React Flow's sourceHandle empty; it means "next". */
export const ZPublishEdge = ZDraftEdge.transform((e): TJourneyEdge => ({
  id: e.id,
  source: e.source,
  sourceHandle: e.sourceHandle ?? "next",
  target: e.target,
}));

/** Shape only; graph rules (one trigger, reachability, cycles…) are validate-graph's job. */
export const ZPublishGraph = z.object({
  nodes: z.array(ZPublishNode).min(1, { error: NODE_MESSAGES.addTrigger }).max(500),
  edges: z.array(ZPublishEdge).max(2000),
});

/** The outputs a node has, by handle id, in the order the canvas draws them. */
export function outputHandles(node: TJourneyNode): string[] {
  switch (node.type) {
    case "wait_for_event":
      return ["happened", "timed_out"];
    case "branch":
      return ["yes", "no"];
    case "multi_branch":
      return [...node.data.cases.map((c) => c.id), "else"];
    case "ab_split":
      return node.data.variants.map((v) => v.id);
    case "holdout":
      return ["continue"];
    case "exit":
      return [];
    default:
      return ["next"];
  }
}
