import { createHash } from "node:crypto";
import { defaultStepName } from "../canvas/step-name";
import type { TSummaryWords } from "../canvas/summary-words";
import { NODE_KINDS, type TNodeKind } from "../graph/node-data";

/** What one memoised executor step was, read back from its hashed id. */
export type TStepName = { name: string; nodeId: string | null };

const RUN_STEPS = ["journey:start", "journey:goal", "journey:exited", "journey:finish"];
// The interpreter's per-node step ids (lib/journeys/interpret/interpret-journey.ts): the node's own step and
// the helpers some kinds add (computed waits, goal checks, quiet hours).
const NODE_SUFFIXES = ["", ":until", ":goal", ":quiet", ":quiet:until"];

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

/**
 * The SDK stores steps under the SHA-1 of their id (repeats get `:N`, which a journey never makes),
 * so the names are recovered by hashing every id the plan's nodes can produce.
 */
export function nameSteps(nodeIds: string[]): Map<string, TStepName> {
  const names = new Map<string, TStepName>();
  for (const name of RUN_STEPS) names.set(sha1(name), { name, nodeId: null });
  for (const nodeId of nodeIds) {
    for (const suffix of NODE_SUFFIXES) {
      const name = `node:${nodeId}${suffix}`;
      names.set(sha1(name), { name, nodeId });
    }
  }
  return names;
}

/**
 * A step's published name in the viewer's language: a name Waymark made at publish (the English
 * default, "Wait 2 days") is made again with `words`; a name the marketer typed, or one numbered
 * apart (" (2)"), stays as stored.
 */
export function shownName(
  kind: string,
  name: string,
  config: Record<string, unknown>,
  words?: TSummaryWords,
): string {
  if (!words || !(NODE_KINDS as readonly string[]).includes(kind)) return name;
  const ctx = { template: () => undefined, segment: () => undefined };
  const k = kind as TNodeKind;
  return defaultStepName(k, config, ctx) === name
    ? defaultStepName(k, config, { ...ctx, words })
    : name;
}

/** A node's kind and a short summary from a stored plan, tolerant of plans it cannot read. */
export function describePlanNodes(
  plan: Record<string, unknown> | null,
  words?: TSummaryWords,
): Map<string, { kind: string; summary: string }> {
  const out = new Map<string, { kind: string; summary: string }>();
  const steps =
    plan && typeof plan.steps === "object" && plan.steps
      ? (plan.steps as Record<string, { kind?: unknown; name?: unknown; config?: unknown }>)
      : {};
  for (const [nodeId, step] of Object.entries(steps)) {
    const kind = typeof step.kind === "string" ? step.kind : "unknown";
    out.set(nodeId, {
      kind,
      // The name published with the version; older versions read as a summary of the settings.
      summary:
        typeof step.name === "string" && step.name
          ? shownName(kind, step.name, (step.config ?? {}) as Record<string, unknown>, words)
          : summarise(kind, (step.config ?? {}) as Record<string, unknown>),
    });
  }
  return out;
}

function summarise(kind: string, c: Record<string, unknown>): string {
  const label = typeof c.label === "string" && c.label ? c.label : null;
  if (label) return label;
  switch (kind) {
    case "trigger":
      return typeof c.event === "string" && c.event ? `When ${c.event}` : "Trigger";
    case "send":
      return `Send ${typeof c.channel === "string" ? c.channel.replace("_", "-") : "message"}`;
    case "wait":
      return c.kind === "duration" && typeof c.amount === "number"
        ? `Wait ${c.amount} ${String(c.unit)}`
        : "Wait";
    case "wait_for_event":
      return typeof c.event === "string" ? `Wait for ${c.event}` : "Wait for event";
    default:
      return kind.replace(/_/g, " ").replace(/^./, (ch) => ch.toUpperCase());
  }
}
