import { compileTemplate, type TCompiledTemplate } from "./render-message";
import type { TTemplateContent } from "./template-content";

/**
 * Compiled template versions by key (the version id: versions are immutable, so a key never goes
 * stale). The promise is cached, so concurrent sends of a new version compile it once.
 */
const MAX_ENTRIES = 500;
const cache = new Map<string, Promise<TCompiledTemplate>>();

export function getCompiledTemplate(
  versionKey: string,
  content: TTemplateContent,
): Promise<TCompiledTemplate> {
  const hit = cache.get(versionKey);
  if (hit) {
    // Re-inserted so the map's order is least recently used first.
    cache.delete(versionKey);
    cache.set(versionKey, hit);
    return hit;
  }
  const compiled = compileTemplate(content);
  cache.set(versionKey, compiled);
  compiled.catch(() => cache.delete(versionKey));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return compiled;
}
