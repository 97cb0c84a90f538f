import { ZSegmentDefinition, type TCondition, type TGroup } from "@/lib/segments/definition";
import { missingRef, type TRefs } from "./convert-condition";
import { convertDimensions, negate } from "./convert-segment-dimensions";
import { NoteList } from "./report";

/**
 * A Pinpoint segment as a Waymark one. Dimensional segments become a dynamic definition:
 * `Dimensions`, or `SegmentGroups` whose group combines its dimensions by `Type` and its base
 * segments by `SourceType` (ALL/ANY; NONE through each condition's opposite). Imported segments
 * (`SegmentType: IMPORT`) become static segments of the contacts of the endpoint files exported
 * for them (a folder named after the segment id), or are reported when there are none.
 */
export type TConvertedSegment = {
  name: string;
  kind: "dynamic" | "static";
  definition: TGroup | null;
  /** Pinpoint ids of the segments it is built on (must be imported first). */
  sourceSegments: string[];
  notes: NoteList;
};

type R = Record<string, unknown>;
type TNode = TGroup | TCondition;
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});
const list = (v: unknown): R[] => (Array.isArray(v) ? v.map(obj) : []);

/** Everyone: Pinpoint's segment with no dimension. */
const EVERYONE: TNode = { kind: "signup", type: "date", op: "is_set" };

function combine(nodes: TNode[], how: unknown, path: string, notes: NoteList): TNode | null {
  if (!nodes.length) return null;
  if (how === "NONE") {
    const negated = nodes.map(negate);
    if (negated.some((n) => !n)) {
      notes.unsupport(
        path,
        "NONE over these conditions cannot be expressed; the group is left out",
      );
      return null;
    }
    return negated.length === 1
      ? negated[0]!
      : { kind: "group", match: "all", conditions: negated as TNode[] };
  }
  if (nodes.length === 1) return nodes[0]!;
  return { kind: "group", match: how === "ANY" ? "any" : "all", conditions: nodes };
}

export function convertSegment(
  s: R,
  resolveSegment: (pinpointId: string) => string | undefined,
  hasEndpoints: boolean,
  whyMissing?: TRefs["whyMissing"],
): TConvertedSegment {
  const notes = new NoteList();
  const name = String(s.Name ?? "").trim() || `Pinpoint segment ${String(s.Id ?? "")}`;
  if (!s.Name) notes.approx("Name", `missing; named "${name}"`);
  const sourceSegments: string[] = [];
  if (s.SegmentType === "IMPORT" || (s.ImportDefinition && !s.Dimensions && !s.SegmentGroups)) {
    if (!hasEndpoints)
      notes.error(
        "ImportDefinition",
        "an imported segment's members are not in the export: add its endpoint export (create-export-job with this SegmentId) in a folder named after the segment id",
      );
    else
      notes.approx(
        "ImportDefinition",
        "a static segment of the contacts of its exported endpoints",
      );
    return { name, kind: "static", definition: null, sourceSegments, notes };
  }
  const parts: TNode[] = [];
  if (s.Dimensions) parts.push(...convertDimensions(obj(s.Dimensions), "Dimensions", notes));
  const groups = obj(s.SegmentGroups);
  const groupNodes: TNode[] = [];
  list(groups.Groups).forEach((g, i) => {
    const at = `SegmentGroups.Groups[${i}]`;
    const dims = list(g.Dimensions).map((d, j) => {
      const nodes = convertDimensions(d, `${at}.Dimensions[${j}]`, notes);
      return nodes.length === 1
        ? nodes[0]!
        : nodes.length
          ? ({ kind: "group", match: "all", conditions: nodes } as TNode)
          : null;
    });
    const sources = list(g.SourceSegments).flatMap((src, j): TNode[] => {
      const id = String(src.Id ?? "");
      sourceSegments.push(id);
      const segmentId = resolveSegment(id);
      if (!segmentId) {
        notes.error(
          `${at}.SourceSegments[${j}].Id`,
          `segment ${id} ${missingRef({ whyMissing }, "segment", id)}`,
        );
        return [];
      }
      if (src.Version !== undefined)
        notes.approx(
          `${at}.SourceSegments[${j}].Version`,
          "the segment's current definition is used, not a version",
        );
      return [{ kind: "segment", segmentId, in: true }];
    });
    const inGroup = [
      combine(sources, g.SourceType, `${at}.SourceType`, notes),
      combine(
        dims.filter((d): d is TNode => !!d),
        g.Type,
        `${at}.Type`,
        notes,
      ),
    ].filter((n): n is TNode => !!n);
    if (inGroup.length)
      groupNodes.push(
        inGroup.length === 1 ? inGroup[0]! : { kind: "group", match: "all", conditions: inGroup },
      );
  });
  const grouped = combine(groupNodes, groups.Include, "SegmentGroups.Include", notes);
  if (grouped) parts.push(grouped);
  if (!parts.length) notes.approx("Dimensions", "no condition: every contact");
  const definition: TGroup = {
    kind: "group",
    match: "all",
    conditions: parts.length ? parts : [EVERYONE],
  };
  const parsed = ZSegmentDefinition.safeParse(definition);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      notes.error(`definition.${issue.path.join(".")}`, issue.message);
    return { name, kind: "dynamic", definition: null, sourceSegments, notes };
  }
  return { name, kind: "dynamic", definition: parsed.data, sourceSegments, notes };
}
