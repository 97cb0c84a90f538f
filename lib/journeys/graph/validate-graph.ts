import type { z } from "zod";
import {
  ZDraftGraph,
  ZPublishEdge,
  publishNode,
  outputHandles,
  type TJourneyEdge,
  type TJourneyNode,
  type TPublishGraph,
} from "./graph-schema";
import { adjacency, findCycles, reachableFrom } from "./graph-walk";
import {
  CONDITION_GROUP_DEPTH,
  conditionDepth,
  conditionLeaves,
  type TBranchCondition,
} from "./node-data";
import { nodeMessageKey, type TNodeMessageKey } from "./node-messages";

export const GRAPH_ERROR_CODES = [
  "invalid_graph",
  "invalid_node",
  "duplicate_node_id",
  "dangling_edge",
  "no_trigger",
  "multiple_triggers",
  "edge_into_trigger",
  "unknown_handle",
  "duplicate_output",
  "unconnected_output",
  "unreachable_node",
  "cycle",
  "missing_template",
  "unknown_template",
  "template_channel_mismatch",
  "split_total",
  "holdout_percent",
  "wait_not_positive",
  "unknown_segment",
  "engagement_not_a_send",
  "engagement_not_after_send",
  "condition_too_deep",
] as const;
export type TGraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

/**
 * One defect; `nodeIds` (and `handle`/`edgeId`) tell the canvas what to highlight. `message` is
 * English; the editor words `code` with `values` from journeys.graphErrors in the viewer's language.
 * `invalid_graph` and `invalid_node` carry a schema's own wording, named by `messageKey`
 * (node-messages.ts, worded from journeys.graphErrors.node), or zod's, already in the caller's
 * language when the publish was given it.
 */
export type TGraphError = {
  code: TGraphErrorCode;
  message: string;
  messageKey?: TNodeMessageKey;
  values?: Record<string, string | number>;
  nodeIds: string[];
  handle?: string;
  edgeId?: string;
  path?: (string | number)[];
};

export type TValidateContext = {
  template: (id: string) => { channel: string } | undefined;
  segmentExists: (id: string) => boolean;
  /** zod's own messages in the caller's language (lib/i18n/zod-errors.ts); English without. */
  zodErrors?: z.core.$ZodErrorMap;
};

export type TValidateResult =
  { ok: true; graph: TPublishGraph } | { ok: false; errors: TGraphError[] };

/** Publish-time validation: every defect found, one specific error each, never just the first. */
export function validateGraph(input: unknown, ctx: TValidateContext): TValidateResult {
  const envelope = ZDraftGraph.safeParse(input, ctx.zodErrors ? { error: ctx.zodErrors } : {});
  if (!envelope.success) {
    return {
      ok: false,
      errors: envelope.error.issues.map((i) => ({
        code: "invalid_graph",
        message: i.message,
        messageKey: nodeMessageKey(i.message),
        nodeIds: [],
        path: i.path.map((p) => p as string | number),
      })),
    };
  }
  const errors: TGraphError[] = [];
  const nodes: TJourneyNode[] = [];
  const ids = new Set<string>();
  for (const raw of envelope.data.nodes) {
    if (ids.has(raw.id))
      errors.push({
        code: "duplicate_node_id",
        message: `two nodes share the id "${raw.id}"`,
        values: { id: raw.id },
        nodeIds: [raw.id],
      });
    ids.add(raw.id);
    const r = publishNode(raw, ctx.zodErrors);
    if (r.ok) nodes.push(r.node);
    else
      for (const i of r.issues)
        errors.push({
          code: "invalid_node",
          message: i.message,
          messageKey: nodeMessageKey(i.message),
          nodeIds: [raw.id],
          path: i.path,
        });
  }
  const valid = new Map(nodes.map((n) => [n.id, n]));
  const edges: TJourneyEdge[] = envelope.data.edges.map((e) => ZPublishEdge.parse(e));
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) {
      errors.push({
        code: "dangling_edge",
        message: "this connection points at a node that does not exist",
        nodeIds: [e.source, e.target].filter((id) => ids.has(id)),
        edgeId: e.id,
      });
    }
  }
  const linked = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const triggers = envelope.data.nodes.filter((n) => n.type === "trigger");
  if (triggers.length === 0)
    errors.push({
      code: "no_trigger",
      message: "add a trigger: a journey starts at exactly one",
      nodeIds: [],
    });
  if (triggers.length > 1)
    errors.push({
      code: "multiple_triggers",
      message: "a journey has exactly one trigger",
      nodeIds: triggers.map((t) => t.id),
    });
  const triggerIds = new Set(triggers.map((t) => t.id));
  for (const e of linked)
    if (triggerIds.has(e.target))
      errors.push({
        code: "edge_into_trigger",
        message: "nothing can lead back into the trigger",
        nodeIds: [e.target, e.source],
        edgeId: e.id,
      });

  errors.push(...checkOutputs(nodes, linked));
  const adj = adjacency(ids, linked);
  const trigger = triggers.length === 1 ? triggers[0]!.id : undefined;
  if (trigger) {
    const reached = reachableFrom(trigger, adj);
    for (const id of ids)
      if (!reached.has(id))
        errors.push({
          code: "unreachable_node",
          message: "no path from the trigger reaches this step",
          nodeIds: [id],
        });
  }
  for (const cycle of findCycles(adj))
    errors.push({ code: "cycle", message: "these steps loop back on themselves", nodeIds: cycle });
  for (const n of nodes) errors.push(...checkNode(n, ctx, valid, trigger, adj));

  if (errors.length) return { ok: false, errors };
  return { ok: true, graph: { nodes, edges: linked } };
}

function checkOutputs(nodes: TJourneyNode[], edges: TJourneyEdge[]): TGraphError[] {
  const errors: TGraphError[] = [];
  for (const n of nodes) {
    const handles = outputHandles(n);
    const from = edges.filter((e) => e.source === n.id);
    for (const e of from) {
      if (!handles.includes(e.sourceHandle)) {
        errors.push({
          code: "unknown_handle",
          message: handles.length
            ? `"${e.sourceHandle}" is not an output of this step`
            : "an exit has no outputs",
          values: { handle: e.sourceHandle, hasOutputs: handles.length ? "yes" : "no" },
          nodeIds: [n.id],
          handle: e.sourceHandle,
          edgeId: e.id,
        });
      }
    }
    for (const h of handles) {
      const count = from.filter((e) => e.sourceHandle === h).length;
      if (count === 0)
        errors.push({
          code: "unconnected_output",
          message: `connect the "${h}" output`,
          values: { handle: h },
          nodeIds: [n.id],
          handle: h,
        });
      if (count > 1)
        errors.push({
          code: "duplicate_output",
          message: `the "${h}" output leads to more than one step`,
          values: { handle: h },
          nodeIds: [n.id],
          handle: h,
        });
    }
  }
  return errors;
}

/** A branch's, multi-branch's or wait-for-event's conditions, each with its path inside the node's data. */
function conditionsOf(
  n: TJourneyNode,
): { condition: TBranchCondition; path: (string | number)[] }[] {
  if (n.type === "branch" || (n.type === "wait_for_event" && n.data.condition))
    return [{ condition: n.data.condition!, path: ["data", "condition"] }];
  if (n.type === "multi_branch")
    return n.data.cases.map((c, i) => ({
      condition: c.condition,
      path: ["data", "cases", i, "condition"],
    }));
  return [];
}

function checkNode(
  n: TJourneyNode,
  ctx: TValidateContext,
  nodes: Map<string, TJourneyNode>,
  trigger: string | undefined,
  adj: Map<string, string[]>,
): TGraphError[] {
  const errors: TGraphError[] = [];
  const err = (code: TGraphErrorCode, message: string, extra: Partial<TGraphError> = {}) =>
    errors.push({ code, message, nodeIds: [n.id], ...extra });
  switch (n.type) {
    case "send": {
      if (!n.data.templateId) {
        err("missing_template", "choose a template", { path: ["data", "templateId"] });
        break;
      }
      const t = ctx.template(n.data.templateId);
      if (!t)
        err("unknown_template", "this template does not exist (any more)", {
          path: ["data", "templateId"],
        });
      else if (t.channel !== n.data.channel)
        err("template_channel_mismatch", `this is a ${t.channel} template, not ${n.data.channel}`, {
          path: ["data", "templateId"],
          values: { templateChannel: t.channel, channel: n.data.channel },
        });
      break;
    }
    case "ab_split": {
      const total = n.data.variants.reduce((s, v) => s + v.percent, 0);
      if (Math.abs(total - 100) > 1e-9)
        err("split_total", `the variants add up to ${total}%, not 100%`, {
          path: ["data", "variants"],
          values: { total },
        });
      break;
    }
    case "holdout":
      if (!(n.data.percent > 0 && n.data.percent < 100))
        err("holdout_percent", "hold out more than 0% and less than 100%", {
          path: ["data", "percent"],
        });
      break;
    case "wait":
      if (n.data.kind === "duration" && !(n.data.amount > 0))
        err("wait_not_positive", "a wait must be longer than 0", {
          path: ["data", "amount"],
          values: { what: "wait" },
        });
      break;
    case "wait_for_event":
      if (!(n.data.timeout.amount > 0))
        err("wait_not_positive", "the timeout must be longer than 0", {
          path: ["data", "timeout", "amount"],
          values: { what: "timeout" },
        });
      break;
    case "trigger":
      if (n.data.kind === "segment_entered" && !ctx.segmentExists(n.data.segmentId))
        err("unknown_segment", "this segment does not exist (any more)", {
          path: ["data", "segmentId"],
        });
      break;
  }
  // Every check inside every group is checked on its own: one error per defect, at its own path.
  for (const { condition, path: at } of conditionsOf(n)) {
    if (conditionDepth(condition) > CONDITION_GROUP_DEPTH)
      err("condition_too_deep", `groups nest at most ${CONDITION_GROUP_DEPTH} deep`, {
        path: at,
        values: { depth: CONDITION_GROUP_DEPTH },
      });
    for (const { leaf: c, path: inner } of conditionLeaves(condition, at)) {
      if (c.kind === "segment" && !ctx.segmentExists(c.segmentId))
        err("unknown_segment", "this segment does not exist (any more)", {
          path: [...inner, "segmentId"],
        });
      if (c.kind !== "engagement") continue;
      const target = nodes.get(c.sendNodeId);
      if (target?.type !== "send") {
        err("engagement_not_a_send", "engagement needs a send step of this journey", {
          nodeIds: [n.id, c.sendNodeId],
          path: [...inner, "sendNodeId"],
        });
        continue;
      }
      // The send must lie on every path to this branch: it does when the branch is unreachable without it.
      if (trigger && reachableFrom(trigger, adj, c.sendNodeId).has(n.id)) {
        err(
          "engagement_not_after_send",
          "some paths reach this branch without passing the send it tests",
          { nodeIds: [n.id, c.sendNodeId], path: [...inner, "sendNodeId"] },
        );
      }
    }
  }
  return errors;
}
