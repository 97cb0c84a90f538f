/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a body carrying one would fail at insert time.
 * Finds the first key or string value containing it and returns its path, to refuse it up front.
 */
export function findNul(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 64) return null;
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "body" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return [...path, k.replaceAll("\u0000", "\\u0000")].join(".");
      const found = findNul(v, [...path, k], depth + 1);
      if (found) return found;
    }
  }
  return null;
}
