import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import type { TRefs } from "./convert-condition";
import type { NoteList } from "./report";

export type R = Record<string, unknown>;
export type TNode = {
  id: string;
  type: TNodeKind;
  position: { x: number; y: number };
  data: Record<string, unknown>;
};
export type TEdge = { id: string; source: string; sourceHandle: string; target: string };
/**
 * A way out of a node, wired once every node exists: `to` is a Pinpoint activity id, `@node` for
 * a node the converter made (a wait before a split), or undefined for the end of a path.
 */
export type TOut = { from: string; handle: string; to: string | undefined };

export const obj = (v: unknown): R =>
  typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {};
export const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/**
 * What converting one Pinpoint journey builds up, shared by the activity and trigger converters:
 * the nodes, their ways out, where each activity is entered (a split with a wait is entered at the
 * wait), the activities stepped over, and which segments and templates it refers to.
 */
export type TJourneyBuild = {
  notes: NoteList;
  /** Looks segments and templates up, and counts each one the journey needs. */
  refs: TRefs;
  /** The journey's activity ids. */
  ids: Set<string>;
  nodes: TNode[];
  outs: TOut[];
  entryOf: Map<string, string>;
  /** Skipped activities lead straight to their next one. */
  skipTo: Map<string, string | undefined>;
  segmentIds: string[];
  templateNames: string[];
  /** Adds a node; a label (the activity's Description) becomes its name, cut to 80 characters. */
  node: (id: string, type: TNodeKind, data: R, label?: string) => void;
};

export function newJourneyBuild(refs: TRefs, ids: Set<string>, notes: NoteList): TJourneyBuild {
  const b: TJourneyBuild = {
    notes,
    ids,
    nodes: [],
    outs: [],
    entryOf: new Map(),
    skipTo: new Map(),
    segmentIds: [],
    templateNames: [],
    refs: {
      segment: (id) => (b.segmentIds.push(id), refs.segment(id)),
      template: (n, c) => (b.templateNames.push(n), refs.template(n, c)),
      whyMissing: refs.whyMissing,
    },
    node: (id, type, data, label) =>
      b.nodes.push({
        id,
        type,
        position: { x: 0, y: 0 },
        data: label ? { ...data, name: label.slice(0, 80) } : data,
      }),
  };
  return b;
}
