import { z } from "zod";
import { outputHandles, type TJourneyNode, type TPublishGraph } from "../graph/graph-schema";
import { ZJourneySettings, type TJourneySettings } from "../graph/journey-settings";
import { NODE_DATA, NODE_KINDS, type TNodeData, type TNodeKind } from "../graph/node-data";

/** The plan format; bump when its shape changes so stored versions can be read or migrated. */
export const PLAN_VERSION = 1;

export type TStepId = `node:${string}`;
type StepOf<K extends TNodeKind> = {
  stepId: TStepId;
  kind: K;
  /** The step's name for people (dashboards, message log, runs), frozen with the version. */
  name?: string;
  config: TNodeData<K>;
  next: Record<string, string>;
};
export type TPlanStep = { [K in TNodeKind]: StepOf<K> }[TNodeKind];
export type TPlan = {
  version: typeof PLAN_VERSION;
  trigger: TNodeData<"trigger">;
  settings: TJourneySettings;
  /** The trigger node's id: the interpreter starts there and follows `next`. */
  entryStepId: string;
  steps: Record<string, TPlanStep>;
};

/** Step ids are the node ids, so a step keeps its id (and its memoized Inngest state) across edits elsewhere. */
export const stepIdOf = (nodeId: string): TStepId => `node:${nodeId}`;

/**
 * Graph → plan. Pure and deterministic; expects a graph validateGraph accepted (it throws on the
 * few defects that would make a plan meaningless rather than returning a half plan).
 */
export function compileJourney(
  graph: TPublishGraph,
  settings: TJourneySettings,
  names: Record<string, string> = {},
): TPlan {
  const triggers = graph.nodes.filter(
    (n): n is Extract<TJourneyNode, { type: "trigger" }> => n.type === "trigger",
  );
  if (triggers.length !== 1)
    throw new Error(`a plan needs exactly one trigger, found ${triggers.length}`);
  const trigger = triggers[0]!;
  const steps: Record<string, TPlanStep> = {};
  for (const n of [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id))) {
    const handles = outputHandles(n);
    const out = graph.edges.filter((e) => e.source === n.id);
    for (const e of out)
      if (!handles.includes(e.sourceHandle))
        throw new Error(`node ${n.id} has no output "${e.sourceHandle}"`);
    // In the node's own handle order, so the plan does not depend on the order edges were drawn.
    const next: Record<string, string> = {};
    for (const h of handles) {
      const e = out.find((e) => e.sourceHandle === h);
      if (e) next[h] = e.target;
    }
    const name = names[n.id];
    steps[n.id] = {
      stepId: stepIdOf(n.id),
      kind: n.type,
      ...(name ? { name } : {}),
      config: n.data,
      next,
    } as TPlanStep;
  }
  return { version: PLAN_VERSION, trigger: trigger.data, settings, entryStepId: trigger.id, steps };
}

/** Reads a stored plan back, checking every step's config against its kind. */
export const ZPlan: z.ZodType<TPlan> = z.object({
  version: z.literal(PLAN_VERSION),
  trigger: NODE_DATA.trigger,
  settings: ZJourneySettings,
  entryStepId: z.string(),
  steps: z.record(
    z.string(),
    z
      .object({
        stepId: z.string().regex(/^node:/),
        kind: z.enum(NODE_KINDS as [TNodeKind, ...TNodeKind[]]),
        name: z.string().optional(),
        config: z.unknown(),
        next: z.record(z.string(), z.string()),
      })
      .transform((s, ctx) => {
        const r = NODE_DATA[s.kind].safeParse(s.config);
        if (!r.success) {
          ctx.addIssue({
            code: "custom",
            path: ["config"],
            message: r.error.issues[0]?.message ?? "invalid config",
          });
          return z.NEVER;
        }
        return { ...s, config: r.data } as TPlanStep;
      }),
  ),
}) as unknown as z.ZodType<TPlan>;
