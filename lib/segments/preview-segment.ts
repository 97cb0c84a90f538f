import { runSegmentCount, sampleMatchingContacts } from "@/db/queries/segments";
import { compileSegment, compileSegmentCount, loadSegmentResolver } from "./compile-segment";
import type { TSegmentDefinition } from "./definition";
import { mentionedAttributeKeys } from "./segment-references";

export const PREVIEW_SAMPLE_SIZE = 20;

export type TPreviewContact = {
  id: string;
  userId: string | null;
  email: string | null;
  country: string | null;
  attributes: Record<string, unknown>;
};
export type TSegmentPreview = { count: number; attributeKeys: string[]; sample: TPreviewContact[] };

/** The live count and first contacts of a definition, with only the attributes it filters on. */
export async function previewSegment(
  workspaceId: string,
  definition: TSegmentDefinition,
  opts: { now?: Date; selfId?: string } = {},
): Promise<TSegmentPreview> {
  const resolve = await loadSegmentResolver(workspaceId);
  const [condition, countQuery] = await Promise.all([
    compileSegment(workspaceId, definition, { ...opts, resolve }),
    compileSegmentCount(workspaceId, definition, { ...opts, resolve }),
  ]);
  const [count, rows] = await Promise.all([
    runSegmentCount(countQuery),
    sampleMatchingContacts(workspaceId, condition, PREVIEW_SAMPLE_SIZE),
  ]);
  const attributeKeys = mentionedAttributeKeys(definition);
  return {
    count,
    attributeKeys,
    sample: rows.map((r) => ({ ...r, attributes: pick(r.attributes, attributeKeys) })),
  };
}

export function pick(attributes: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in attributes).map((k) => [k, attributes[k]]));
}
