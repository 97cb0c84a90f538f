import { countMatchingContacts, sampleMatchingContacts } from "@/db/queries/segments";
import { compileSegment } from "./compile-segment";
import type { TSegmentDefinition } from "./definition";
import { mentionedAttributeKeys } from "./segment-references";

export const PREVIEW_SAMPLE_SIZE = 20;

export type TPreviewContact = { id: string; userId: string | null; email: string | null; country: string | null; attributes: Record<string, unknown> };
export type TSegmentPreview = { count: number; attributeKeys: string[]; sample: TPreviewContact[] };

/** The live count and first contacts of a definition, with only the attributes it filters on. */
export async function previewSegment(workspaceId: string, definition: TSegmentDefinition, opts: { now?: Date; selfId?: string } = {}): Promise<TSegmentPreview> {
  const condition = await compileSegment(workspaceId, definition, opts);
  const [count, rows] = await Promise.all([countMatchingContacts(workspaceId, condition), sampleMatchingContacts(workspaceId, condition, PREVIEW_SAMPLE_SIZE)]);
  const attributeKeys = mentionedAttributeKeys(definition);
  return { count, attributeKeys, sample: rows.map((r) => ({ ...r, attributes: pick(r.attributes, attributeKeys) })) };
}

export function pick(attributes: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in attributes).map((k) => [k, attributes[k]]));
}
