import type { TCanvasNode, TCanvasState } from "@/lib/journeys/canvas/canvas-state";
import { draftHandles } from "@/lib/journeys/canvas/draft-handles";
import type { TSummaryWords } from "@/lib/journeys/canvas/summary-words";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";

type TAnnounceKey =
  | "aStep"
  | "added"
  | "addedMany"
  | "deleted"
  | "deletedMany"
  | "connected"
  | "disconnected"
  | "undone"
  | "redone";
/**
 * Words for the live region: a translator over the `journeys` catalogue namespace
 * (`useTranslations("journeys")`), for canvas.announce.* and the kinds' names.
 */
export type TCanvasWords = (
  key: `canvas.announce.${TAnnounceKey}` | `kinds.${TNodeKind}.label`,
  values?: Record<string, string | number>,
) => string;

/** A step as a screen reader hears it: its name, or its kind. */
export function stepLabel(node: TCanvasNode | undefined, t: TCanvasWords): string {
  if (!node?.type) return t("canvas.announce.aStep");
  const name = typeof node.data.name === "string" ? node.data.name.trim() : "";
  return name || t(`kinds.${node.type}.label`);
}

const byId = (nodes: TCanvasNode[]) => new Map(nodes.map((n) => [n.id, n]));

/**
 * What an edit of the canvas did, in words for the live region, and which step should hold the
 * focus afterwards (an added step, or a neighbour of a deleted one). Selection, moves and form
 * edits say nothing: React Flow announces arrow-key moves, and a form speaks for itself.
 */
export function describeGraphChange(
  before: TCanvasState,
  after: TCanvasState,
  t: TCanvasWords,
  /** The outputs' names in the viewer's language (journeys.summary); English without. */
  words?: TSummaryWords,
): { text: string; focus?: string } | null {
  const undo =
    after.future.length === before.future.length + 1 && after.future[0]?.nodes === before.nodes;
  const redo =
    !undo &&
    after.past.length === before.past.length + 1 &&
    before.future[0]?.nodes === after.nodes;
  const was = byId(before.nodes);
  const now = byId(after.nodes);
  const added = after.nodes.filter((n) => !was.has(n.id));
  const removed = before.nodes.filter((n) => !now.has(n.id));
  const edgeKey = (e: { source: string; sourceHandle?: string | null; target: string }) =>
    `${e.source}\u0000${e.sourceHandle ?? ""}\u0000${e.target}`;
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const connected = after.edges.filter((e) => !oldEdges.has(edgeKey(e)));
  const disconnected = before.edges.filter((e) => !newEdges.has(edgeKey(e)));

  const mode = undo ? "undo" : redo ? "redo" : "do";
  const say = (key: TAnnounceKey, values: Record<string, string | number>) =>
    t(`canvas.announce.${key}`, { mode, ...values });
  const label = (n: TCanvasNode | undefined) => stepLabel(n, t);
  let text = "";
  let focus: string | undefined;
  if (added.length) {
    text =
      added.length === 1
        ? say("added", { step: label(added[0]) })
        : say("addedMany", { count: added.length });
    focus = added[0]!.id;
  } else if (removed.length) {
    text =
      removed.length === 1
        ? say("deleted", { step: label(removed[0]) })
        : say("deletedMany", { count: removed.length });
    // The step before the first one deleted, else the first left.
    const at = before.nodes.indexOf(removed[0]!);
    focus =
      before.nodes
        .slice(0, at)
        .reverse()
        .find((n) => now.has(n.id))?.id ?? after.nodes[0]?.id;
  } else if (connected.length) {
    const e = connected[0]!;
    const source = now.get(e.source);
    const output = source?.type
      ? draftHandles(source.type, source.data, words).find(
          (h) => h.id === (e.sourceHandle ?? "next"),
        )
      : undefined;
    text = say("connected", {
      from: `${label(source)}${output?.label ? ` (${output.label})` : ""}`,
      to: label(now.get(e.target)),
    });
  } else if (disconnected.length) {
    const e = disconnected[0]!;
    text = say("disconnected", { from: label(was.get(e.source)), to: label(was.get(e.target)) });
  }
  if (!text && (undo || redo))
    return { text: t(`canvas.announce.${undo ? "undone" : "redone"}`), focus };
  return text ? { text, focus } : null;
}
