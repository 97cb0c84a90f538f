import type { TGroup } from "./definition";

/** Ids of the segments a definition refers to, directly (not through them). */
export function referencedSegmentIds(def: TGroup | null | undefined): string[] {
  if (!def) return [];
  const ids = new Set<string>();
  const walk = (g: TGroup) => {
    for (const c of g.conditions) {
      if (c.kind === "group") walk(c);
      else if (c.kind === "segment") ids.add(c.segmentId);
    }
  };
  walk(def);
  return [...ids];
}

/** Attribute keys a definition mentions, so a preview can show the values it is filtering on. */
export function mentionedAttributeKeys(def: TGroup): string[] {
  const keys = new Set<string>();
  const walk = (g: TGroup) => {
    for (const c of g.conditions) {
      if (c.kind === "group") walk(c);
      else if (c.kind === "attribute") keys.add(c.key);
    }
  };
  walk(def);
  return [...keys];
}
