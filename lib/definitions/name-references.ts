import { ValidationError } from "@/lib/errors";

/**
 * Turns a definition's references to ids of one workspace into names and back. A reference is
 * any `segmentId` or `templateId` field, wherever it sits (a journey node's data, a condition
 * nested in groups, a campaign's audience and treatments): those two keys mean a reference
 * everywhere in Waymark's definitions and nothing else. In a file they read `segmentName` and
 * `templateName`. An empty id (a half-built draft) stays empty.
 */
const TO_NAME = { segmentId: "segmentName", templateId: "templateName" } as const;
const TO_ID = { segmentName: "segmentId", templateName: "templateId" } as const;
type TRefKind = "segment" | "template";

export type TNameLookup = {
  segment: Map<string, string>;
  template: Map<string, string>;
};

const kindOf = (key: string): TRefKind => (key.startsWith("segment") ? "segment" : "template");

/** Deeper than any definition Waymark writes; a hostile file cannot exhaust the stack. */
const MAX_DEPTH = 64;

function walk(
  value: unknown,
  path: string,
  keys: Record<string, string>,
  map: (kind: TRefKind, ref: string, path: string) => string,
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH && value && typeof value === "object")
    throw new ValidationError({ [path]: `is nested more than ${MAX_DEPTH} levels deep` });
  if (Array.isArray(value))
    return value.map((v, i) => walk(v, `${path}[${i}]`, keys, map, depth + 1));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const renamed = keys[k];
    const at = path ? `${path}.${k}` : k;
    if (renamed && typeof v === "string") out[renamed] = v === "" ? "" : map(kindOf(k), v, at);
    else out[k] = walk(v, at, keys, map, depth + 1);
  }
  return out;
}

/** Ids to names; an id that names nothing in the workspace (deleted since) is kept as it was. */
export function idsToNames<T>(value: T, byId: TNameLookup): T {
  return walk(value, "", TO_NAME, (kind, id) => byId[kind].get(id) ?? id) as T;
}

/**
 * Names to ids, collecting every name the lookup does not know as `{ path: message }` (the path
 * starts at `path`), so a file that names a missing template is refused where it names it.
 */
export function namesToIds<T>(
  value: T,
  byName: TNameLookup,
  path: string,
  missing: Record<string, string>,
): T {
  return walk(value, path, TO_ID, (kind, name, at) => {
    const id = byName[kind].get(name);
    if (id) return id;
    missing[at] = `no ${kind} named "${name}" in the file or this workspace`;
    return "";
  }) as T;
}

/** The names a definition refers to, by kind (the import orders segments by them). */
export function referencedNames(value: unknown): { segment: Set<string>; template: Set<string> } {
  const found = { segment: new Set<string>(), template: new Set<string>() };
  walk(value, "", TO_ID, (kind, name) => (found[kind].add(name), name));
  return found;
}
