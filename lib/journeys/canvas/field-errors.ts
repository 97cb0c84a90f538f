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

/** Where in a step an error is, in words: `["data", "filters", 1, "value"]` → "Filter 2 › value". */
export function describeErrorPath(path: readonly (string | number)[] | undefined): string {
  if (!path || path[0] !== "data" || path.length < 2) return "";
  const words: string[] = [];
  const rest = path.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const part = rest[i]!;
    const next = rest[i + 1];
    if (typeof part === "string" && typeof next === "number") {
      const one = part.replace(/s$/, "");
      words.push(`${one[0]!.toUpperCase()}${one.slice(1)} ${next + 1}`);
      i++;
    } else words.push(String(part));
  }
  return words.join(" › ");
}
