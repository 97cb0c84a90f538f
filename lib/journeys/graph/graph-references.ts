import { z } from "zod";
import { ZDraftGraph } from "./graph-schema";
import type { TNodeKind } from "./node-data";

/**
 * The segments and templates a journey graph names, read from each node's data where node-data.ts
 * keeps them (never by searching the JSON text). Drafts are read leniently: a half-built node still
 * names what has been chosen in it. Every node kind says what it can reference, so a new kind that
 * references something cannot be forgotten here.
 */
export type TGraphReferences = { segmentIds: string[]; templateIds: string[] };
type TRefs = { segmentIds: Set<string>; templateIds: Set<string> };

const ZId = z.string().min(1);
const ZSegmentTrigger = z.object({ kind: z.literal("segment_entered"), segmentId: ZId });
const ZSegmentCondition = z.object({ kind: z.literal("segment"), segmentId: ZId });
const ZBranch = z.object({ condition: z.unknown() });
const ZWaitForEvent = z.object({ condition: z.unknown().optional() });
const ZMultiBranch = z.object({ cases: z.array(z.object({ condition: z.unknown() })) });
const ZSend = z.object({ templateId: ZId });

const ZGroup = z.object({ kind: z.literal("group"), conditions: z.array(z.unknown()) });

/** A condition's segments, inside AND/OR groups too (depth is bounded by the JSON, not trusted). */
const condition = (c: unknown, refs: TRefs, depth = 0): void => {
  const s = ZSegmentCondition.safeParse(c);
  if (s.success) refs.segmentIds.add(s.data.segmentId);
  const g = ZGroup.safeParse(c);
  if (g.success && depth < 32) for (const x of g.data.conditions) condition(x, refs, depth + 1);
};

const READERS: Record<TNodeKind, (data: unknown, refs: TRefs) => void> = {
  trigger: (d, refs) => {
    const t = ZSegmentTrigger.safeParse(d);
    if (t.success) refs.segmentIds.add(t.data.segmentId);
  },
  branch: (d, refs) => condition(ZBranch.safeParse(d).data?.condition, refs),
  multi_branch: (d, refs) => {
    for (const c of ZMultiBranch.safeParse(d).data?.cases ?? []) condition(c.condition, refs);
  },
  send: (d, refs) => {
    const s = ZSend.safeParse(d);
    if (s.success) refs.templateIds.add(s.data.templateId);
  },
  wait: () => {},
  wait_for_event: (d, refs) => condition(ZWaitForEvent.safeParse(d).data?.condition, refs),
  ab_split: () => {},
  holdout: () => {},
  update_contact: () => {},
  webhook: () => {},
  exit: () => {},
};

/** What a stored graph (draft or published; anything unreadable names nothing) references. */
export function graphReferences(graph: unknown): TGraphReferences {
  const refs: TRefs = { segmentIds: new Set(), templateIds: new Set() };
  const parsed = ZDraftGraph.safeParse(graph);
  for (const n of parsed.success ? parsed.data.nodes : []) READERS[n.type](n.data, refs);
  return { segmentIds: [...refs.segmentIds], templateIds: [...refs.templateIds] };
}

export function graphReferencesId(
  graph: unknown,
  ref: { segmentId: string } | { templateId: string },
) {
  const refs = graphReferences(graph);
  return "segmentId" in ref
    ? refs.segmentIds.includes(ref.segmentId)
    : refs.templateIds.includes(ref.templateId);
}
