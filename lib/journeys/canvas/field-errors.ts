import type { TGraphError } from "../graph/validate-graph";

/** A node's publish errors about its own data, by path inside `data`: `{ "filters.0.value": "must be a number" }`. */
export function nodeFieldErrors(errors: TGraphError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (e.path?.[0] !== "data" || e.path.length < 2) continue;
    out[e.path.slice(1).join(".")] ??= e.message;
  }
  return out;
}

/**
 * How a path's parts read: an item of a list ("filters", 1 → "Filter 2") and a field ("value").
 * The editor passes the viewer's language's words (journeys.fieldPath); these are the English.
 */
export type TPathWords = {
  item: (list: string, n: number) => string;
  field: (name: string) => string;
};

const ENGLISH_PATH_WORDS: TPathWords = {
  item: (list, n) => {
    const one = list.replace(/s$/, "");
    return `${one[0]!.toUpperCase()}${one.slice(1)} ${n}`;
  },
  field: (name) => name,
};

/** Where in a step an error is, in words: `["data", "filters", 1, "value"]` → "Filter 2 › value". */
export function describeErrorPath(
  path: readonly (string | number)[] | undefined,
  words: TPathWords = ENGLISH_PATH_WORDS,
): string {
  if (!path || path[0] !== "data" || path.length < 2) return "";
  const parts: string[] = [];
  const rest = path.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const part = rest[i]!;
    const next = rest[i + 1];
    if (typeof part === "string" && typeof next === "number") {
      parts.push(words.item(part, next + 1));
      i++;
    } else parts.push(words.field(String(part)));
  }
  return parts.join(" › ");
}

/** The English words, for a language that names only some lists and fields. */
export const englishPathWords = ENGLISH_PATH_WORDS;
