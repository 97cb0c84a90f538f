import { z } from "zod";
import { outcomeCounts } from "@/lib/journeys/canvas/draft-handles";
import type { TSummaryWords } from "@/lib/journeys/canvas/summary-words";
import { NODE_KINDS, type TNodeKind } from "@/lib/journeys/graph/node-data";
import { shownName } from "@/lib/journeys/runs/name-steps";
import { uniqueStepNames } from "@/lib/journeys/canvas/step-name";
import {
  twoProportionZTest,
  wilsonInterval,
  type TProportion,
  type TTwoProportionResult,
} from "./two-proportion-test";

/** The parts of a stored plan the dashboard reads; lenient, so an older plan still draws. */
export const ZDashboardPlan = z.object({
  entryStepId: z.string(),
  steps: z.record(
    z.string(),
    z.object({
      kind: z.string(),
      name: z.string().optional().catch(undefined),
      config: z.record(z.string(), z.unknown()).catch({}),
      next: z.record(z.string(), z.string()).catch({}),
    }),
  ),
});
export type TDashboardPlan = z.infer<typeof ZDashboardPlan>;

/**
 * The step's name as published. With the viewer's `words`, a name Waymark made at publish (the
 * English default) reads in their language; without (CSV exports, the API), as stored. Versions
 * published before steps had names get the default name now, numbered apart like published
 * names, never the node id.
 */
export function stepLabel(plan: TDashboardPlan, nodeId: string, words?: TSummaryWords): string {
  return stepLabels(plan, words)(nodeId);
}

/**
 * stepLabel for many steps. `older`: earlier versions' plans, newest first, for a step only they
 * had (a contact still waiting on a node the live version removed): its name in the newest
 * version that had it, else its default name there.
 */
export function stepLabels(
  plan: TDashboardPlan,
  words?: TSummaryWords,
  older: TDashboardPlan[] = [],
): (nodeId: string) => string {
  const plans = [plan, ...older];
  return (nodeId) => {
    const p = plans.find((candidate) => candidate.steps[nodeId]);
    const s = p?.steps[nodeId];
    if (!p || !s) return nodeId;
    if (s.name) return shownName(s.kind, s.name, s.config, words);
    return unnamedStepNames(p, words)[nodeId] ?? s.kind;
  };
}

// Default names depend on the whole plan (they are numbered apart), so each plan's are worked out
// once, on first need, and kept while the plan is (per viewer's words).
const defaultNames = new WeakMap<
  TDashboardPlan,
  Map<TSummaryWords | undefined, Record<string, string>>
>();

/** Default names for a plan's steps, in the plan's order (a plan stores no positions). */
function unnamedStepNames(plan: TDashboardPlan, words?: TSummaryWords): Record<string, string> {
  let byWords = defaultNames.get(plan);
  if (!byWords) defaultNames.set(plan, (byWords = new Map()));
  const known = byWords.get(words);
  if (known) return known;
  const nodes = Object.entries(plan.steps)
    .filter(([, s]) => (NODE_KINDS as readonly string[]).includes(s.kind))
    .map(([id, s]) => ({ id, type: s.kind as TNodeKind, data: s.config }));
  // A plan keeps template ids only: a send reads as its channel's message ("Email").
  const names = uniqueStepNames(nodes, {
    template: () => undefined,
    segment: () => undefined,
    words,
  });
  byWords.set(words, names);
  return names;
}

/**
 * How many took each way out of a branch, split or wait-for-event in the range (the numbers the
 * canvas writes on its edges); empty for steps with one way on.
 */
export function stepOutcomes(
  plan: TDashboardPlan,
  nodeId: string,
  rows: { node_id: string; outcome: string; passed: number }[],
  words?: TSummaryWords,
): { handle: string; label: string; passed: number }[] {
  const s = plan.steps[nodeId];
  if (!s || !(NODE_KINDS as string[]).includes(s.kind)) return [];
  const passed: Record<string, number> = {};
  for (const r of rows)
    if (r.node_id === nodeId) passed[r.outcome] = (passed[r.outcome] ?? 0) + r.passed;
  return outcomeCounts(s.kind as TNodeKind, s.config, passed, words);
}

/** Steps in the order a contact meets them: breadth-first from the trigger, outputs in handle order. */
export function orderedSteps(plan: TDashboardPlan): string[] {
  const seen = new Set<string>([plan.entryStepId]);
  const queue = [plan.entryStepId];
  const out: string[] = [];
  while (queue.length) {
    const id = queue.shift() as string;
    const step = plan.steps[id];
    if (!step) continue;
    if (id !== plan.entryStepId && step.kind !== "exit" && step.kind !== "trigger") out.push(id);
    for (const next of Object.values(step.next)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return out;
}

export type TFunnelRow = {
  key: string;
  label: string;
  count: number;
  ofPrevious: number | null;
  ofEntered: number | null;
};

/**
 * Contacts only: entered → each step (entries that passed it) → goal reached. Each row carries its
 * rate from the step(s) that lead into it (not the row above: after a branch that is a sibling on
 * the other path) and from entry, so every figure is a share of the people who could have reached
 * it. Messages are counted apart (messageFunnel): one contact may get
 * several, so "messages sent" divided by contacts is not a rate.
 */
export function journeyFunnel(input: {
  plan: TDashboardPlan;
  entered: number;
  passedByNode: Map<string, number>;
  converted: number;
  words?: TSummaryWords;
}): TFunnelRow[] {
  const label = stepLabels(input.plan, input.words);
  const steps = orderedSteps(input.plan).map((id) => ({
    key: `node:${id}`,
    label: label(id),
    count: input.passedByNode.get(id) ?? 0,
  }));
  const rate = (n: number, of: number | undefined) => (of ? n / of : null);
  const { plan } = input;
  const parents = new Map<string, string[]>();
  for (const [id, s] of Object.entries(plan.steps))
    for (const next of new Set(Object.values(s.next)))
      parents.set(next, [...(parents.get(next) ?? []), id]);
  // Who could have reached a step: those who passed the steps leading into it, or everyone who
  // entered for a step right after the trigger.
  const reachedBefore = (id: string) =>
    (parents.get(id) ?? []).reduce(
      (sum, p) =>
        sum +
        (p === plan.entryStepId || plan.steps[p]?.kind === "trigger"
          ? input.entered
          : (input.passedByNode.get(p) ?? 0)),
      0,
    );
  return [
    { key: "entered", label: "Entered", count: input.entered, ofPrevious: null, ofEntered: null },
    ...steps.map((r) => ({
      ...r,
      ofPrevious: rate(r.count, reachedBefore(r.key.slice("node:".length))),
      ofEntered: rate(r.count, input.entered),
    })),
    {
      key: "goal",
      label: "Goal reached",
      count: input.converted,
      // The goal can be reached from any step, so only its share of entries is meaningful.
      ofPrevious: null,
      ofEntered: rate(input.converted, input.entered),
    },
  ];
}

export type TMessageRow = {
  key: "sent" | "delivered" | "opened" | "clicked";
  label: string;
  count: number;
  /** Share of the stage before: delivered of sent, opened of delivered, clicked of opened. */
  rate: number | null;
  rateOf: string | null;
};

/** The journey's messages on their own: sent → delivered → opened → clicked, each of the one before. */
export function messageFunnel(m: {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
}): TMessageRow[] {
  const rate = (n: number, of: number) => (of ? n / of : null);
  return [
    { key: "sent", label: "Sent", count: m.sent, rate: null, rateOf: null },
    {
      key: "delivered",
      label: "Delivered",
      count: m.delivered,
      rate: rate(m.delivered, m.sent),
      rateOf: "of sent",
    },
    {
      key: "opened",
      label: "Opened",
      count: m.opened,
      rate: rate(m.opened, m.delivered),
      rateOf: "of delivered",
    },
    {
      key: "clicked",
      label: "Clicked",
      count: m.clicked,
      rate: rate(m.clicked, m.opened),
      rateOf: "of opened",
    },
  ];
}

export type TGroupResult = {
  id: string;
  /** The marketer's label, else an English one (CSV exports); `named` says which. */
  label: string;
  named: boolean;
  entries: number;
  conversions: number;
  ci: TProportion;
  test: TTwoProportionResult | null;
};
export type TExperiment = {
  nodeId: string;
  kind: "ab_split" | "holdout";
  label: string;
  groups: TGroupResult[];
};

/**
 * Every A/B split (each variant against the first, the control) and holdout (treated against
 * held out) in the plan, with the goal conversion rate of the entries that passed it.
 */
export function journeyExperiments(
  plan: TDashboardPlan,
  outcomes: { node_id: string; outcome: string; passed: number; converted: number }[],
  words?: TSummaryWords,
): TExperiment[] {
  const at = (nodeId: string, outcome: string) =>
    outcomes.find((o) => o.node_id === nodeId && o.outcome === outcome) ?? {
      passed: 0,
      converted: 0,
    };
  const group = (
    id: string,
    label: string,
    o: { passed: number; converted: number },
    control?: { passed: number; converted: number },
    named = false,
  ): TGroupResult => ({
    id,
    label,
    named,
    entries: o.passed,
    conversions: o.converted,
    ci: wilsonInterval(o.converted, o.passed),
    test: control
      ? twoProportionZTest(
          { successes: control.converted, trials: control.passed },
          { successes: o.converted, trials: o.passed },
        )
      : null,
  });
  const label = stepLabels(plan, words);
  const out: TExperiment[] = [];
  for (const id of orderedSteps(plan)) {
    const step = plan.steps[id];
    if (step?.kind === "ab_split") {
      const variants = z
        .array(z.object({ id: z.string(), label: z.string().catch("") }))
        .catch([])
        .parse(step.config.variants);
      const control = variants[0] ? at(id, variants[0].id) : undefined;
      out.push({
        nodeId: id,
        kind: "ab_split",
        label: label(id),
        groups: variants.map((v, i) =>
          group(
            v.id,
            v.label || `Variant ${v.id}`,
            at(id, v.id),
            i === 0 ? undefined : control,
            Boolean(v.label),
          ),
        ),
      });
    } else if (step?.kind === "holdout") {
      const held = at(id, "held_out");
      out.push({
        nodeId: id,
        kind: "holdout",
        label: label(id),
        groups: [
          group("held_out", "Held out (control)", held),
          group("continue", "Treated", at(id, "continue"), held),
        ],
      });
    }
  }
  return out;
}
