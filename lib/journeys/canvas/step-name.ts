import { channelMessageName } from "@/lib/channels/channel-meta";
import { ZDraftGraph } from "../graph/graph-schema";
import { STEP_NAME_MAX, type TNodeKind } from "../graph/node-data";
import { summarizeNode, type TSummaryContext } from "./summarize-node";
import { ENGLISH_SUMMARY } from "./summary-words";

type R = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * What a step is called when nobody named it: what it does, short ("Welcome email", "Wait 1 day",
 * "Wait for Order Completed"). A send is called by its template, because that is what a marketer
 * chose; the other kinds by the node's own summary.
 */
export function defaultStepName(kind: TNodeKind, data: R, ctx: TSummaryContext): string {
  const w = ctx.words ?? ENGLISH_SUMMARY;
  switch (kind) {
    case "send": {
      // A template's name reads the same in every language; without one, the channel's.
      const t = ctx.template(str(data.templateId));
      return t?.name || channelMessageName(str(data.channel)) || "Send";
    }
    case "wait_for_event":
      return str(data.event)
        ? w("stepWaitFor", { event: str(data.event) })
        : w("stepWaitForAnEvent");
    case "multi_branch":
      return w("stepMultiBranch");
    case "ab_split": {
      const vs = Array.isArray(data.variants) ? (data.variants as R[]).map((v) => v?.percent) : [];
      return vs.length
        ? w("stepSplit", { parts: vs.map((p) => (typeof p === "number" ? p : "?")).join("/") })
        : w("stepSplitEmpty");
    }
    case "exit":
      return w("stepExit");
    default:
      return summarizeNode(kind, data, ctx);
  }
}

/** The step's name: the one the marketer typed on the canvas, else what it does. */
export function stepName(kind: TNodeKind, data: R, ctx: TSummaryContext): string {
  const own = str(data.name).trim();
  return own ? own.slice(0, STEP_NAME_MAX) : defaultStepName(kind, data, ctx);
}

/**
 * Names for every step of a journey, unique within it: two steps that would read the same ("Wait
 * 1 day" twice) get " (2)", " (3)" in the order given, so a dashboard row or a message's origin
 * always points at one step.
 */
export function uniqueStepNames(
  nodes: { id: string; type: TNodeKind; data: R }[],
  ctx: TSummaryContext,
): Record<string, string> {
  const seen = new Map<string, number>();
  const out: Record<string, string> = {};
  for (const n of nodes) {
    const base = stepName(n.type, n.data, ctx);
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    out[n.id] = k === 1 ? base : `${base} (${k})`;
  }
  return out;
}

/**
 * Names for a saved draft's steps, numbered top to bottom then left to right (the order a
 * marketer reads the canvas), so "Wait 1 day" is the upper wait and "Wait 1 day (2)" the lower.
 */
export function nameJourneySteps(draft: unknown, ctx: TSummaryContext): Record<string, string> {
  const parsed = ZDraftGraph.safeParse(draft);
  if (!parsed.success) return {};
  const nodes = [...parsed.data.nodes].sort(
    (a, b) => a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : 1),
  );
  return uniqueStepNames(nodes, ctx);
}
