import type { TNodeKind } from "../graph/node-data";
import { ENGLISH_SUMMARY, type TSummaryWords } from "./summary-words";

export type THandle = { id: string; label: string };

type TCase = { id?: unknown; label?: unknown };
const list = (v: unknown): TCase[] =>
  Array.isArray(v) ? (v.filter((x) => x && typeof x === "object") as TCase[]) : [];
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * A draft node's outputs with their labels, read leniently from half-built data. The ids match
 * `outputHandles` in graph-schema.ts once the node is complete, so edges drawn now still publish.
 * Labels are in `words`' language (the editor's and the dashboard's viewer's); ids never change.
 */
export function draftHandles(
  kind: TNodeKind,
  data: Record<string, unknown>,
  words: TSummaryWords = ENGLISH_SUMMARY,
): THandle[] {
  switch (kind) {
    case "wait_for_event":
      return [
        { id: "happened", label: words("outputHappened") },
        { id: "timed_out", label: words("outputTimedOut") },
      ];
    case "branch":
      return [
        { id: "yes", label: words("outputYes") },
        { id: "no", label: words("outputNo") },
      ];
    case "multi_branch":
      return [
        ...list(data.cases)
          .filter((c) => str(c.id))
          .map((c, i) => ({
            id: str(c.id),
            label: str(c.label) || words("outputCase", { n: i + 1 }),
          })),
        { id: "else", label: words("outputElse") },
      ];
    case "ab_split":
      return list(data.variants)
        .filter((v) => str(v.id))
        .map((v) => ({
          id: str(v.id),
          label: words("outputVariant", { name: str(v.label) || str(v.id) }),
        }));
    case "holdout":
      return [{ id: "continue", label: words("outputContinue") }];
    case "exit":
      return [];
    default:
      return [{ id: "next", label: "" }];
  }
}

const OUTCOME_KINDS: ReadonlySet<TNodeKind> = new Set([
  "branch",
  "multi_branch",
  "ab_split",
  "wait_for_event",
]);

/**
 * What an edge leaving `handle` means, shown on the edge ("Yes", "Timed out", a case's name,
 * "Variant A"); null for outputs that are simply "next" (and a holdout's one way on).
 */
export function edgeOutcomeLabel(
  kind: TNodeKind,
  data: Record<string, unknown>,
  handle: string | null | undefined,
  words?: TSummaryWords,
): string | null {
  if (!OUTCOME_KINDS.has(kind)) return null;
  const label = draftHandles(kind, data, words).find((h) => h.id === (handle ?? "next"))?.label;
  if (!label) return null;
  // A case keeps the name the marketer gave it; the fixed outcomes read as words on the canvas.
  return kind === "multi_branch" && handle !== "else"
    ? label
    : label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * How many took each labelled way out of a node, in the node's handle order ("Yes 12", "No 30"):
 * the counts the canvas writes on edges and the dashboard lists under a step. Empty for kinds
 * with one way on; a way nobody took reads 0.
 */
export function outcomeCounts(
  kind: TNodeKind,
  data: Record<string, unknown>,
  passed: Record<string, number>,
  words?: TSummaryWords,
): { handle: string; label: string; passed: number }[] {
  if (!OUTCOME_KINDS.has(kind)) return [];
  return draftHandles(kind, data, words).map((h) => ({
    handle: h.id,
    label: edgeOutcomeLabel(kind, data, h.id, words) ?? h.id,
    passed: passed[h.id] ?? 0,
  }));
}
