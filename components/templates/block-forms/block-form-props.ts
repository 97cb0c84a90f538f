import type { TEmailBlock } from "@/lib/templates/template-content";

/** URLs start the same in every language: the placeholder of the link fields. */
export const URL_PLACEHOLDER = "https://…";

/** What every block kind's form gets: its block, its content path, and a way to change it. */
export type TBlockFormProps<K extends TEmailBlock["type"]> = {
  block: Extract<TEmailBlock, { type: K }>;
  /** Content path of the block (`blocks.2`): the server's flags name its fields under it. */
  path: string;
  onPatch: (patch: Partial<Extract<TEmailBlock, { type: K }>>) => void;
};

/** The DOM id of one of a block's fields. */
export const fieldId = (block: { id: string }, key: string) => `block-${block.id}-${key}`;
