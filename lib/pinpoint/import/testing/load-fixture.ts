import { readFileSync } from "node:fs";
import { join } from "node:path";

export const EXPORT_DIR = join(__dirname, "export");

/** A fixture file's object(s), unwrapped: the item of a list response by index, or the object. */
export function fixture(file: string, index?: number): Record<string, unknown> {
  const json = JSON.parse(readFileSync(join(EXPORT_DIR, file), "utf8")) as Record<string, unknown>;
  const inner = Object.values(json)[0] as Record<string, unknown>;
  if (index === undefined) return inner;
  return (inner.Item as Record<string, unknown>[])[index]!;
}
