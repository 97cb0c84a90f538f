import type { TContentBlock, TEmailBlock } from "./template-content";

/**
 * The email block editor's edits, as pure functions over the block tree. Blocks are addressed by
 * id (unique across columns too, see ZEmailContent), so a selection survives reordering.
 */
export type TBlockType = TEmailBlock["type"];
export const BLOCK_TYPES: TBlockType[] = [
  "heading",
  "text",
  "button",
  "image",
  "divider",
  "spacer",
  "columns",
  "footer",
  "html",
];

export const newBlockId = () => `b${Math.random().toString(36).slice(2, 10)}`;

export function newBlock(type: TBlockType): TEmailBlock {
  const id = newBlockId();
  switch (type) {
    case "heading":
      return { id, type, level: 2, text: "A heading", align: "left" };
    case "text":
      return { id, type, text: "Write something **bold** here.", align: "left" };
    case "button":
      return {
        id,
        type,
        label: "Open",
        url: "https://example.com",
        textColor: "#ffffff",
        align: "center",
      };
    case "image":
      return {
        id,
        type,
        src: "https://placehold.co/600x240/png",
        alt: "",
        width: 600,
        align: "center",
      };
    case "divider":
      return { id, type, color: "#e5e7eb" };
    case "spacer":
      return { id, type, height: 24 };
    case "footer":
      return {
        id,
        type,
        text: "You receive this email because you signed up at {{ workspace.name }}.",
        unsubscribeText: "Unsubscribe",
      };
    case "html":
      return { id, type, html: '<p style="margin:0 0 16px">Hello {{ contact.firstName }}</p>' };
    case "columns":
      return {
        id,
        type,
        columns: [
          { blocks: [newBlock("text") as TContentBlock] },
          { blocks: [newBlock("text") as TContentBlock] },
        ],
      };
  }
}

/** A copy with fresh ids, so the duplicate is a block of its own. */
export function cloneBlock<T extends TEmailBlock>(block: T): T {
  const copy = structuredClone(block);
  copy.id = newBlockId();
  if (copy.type === "columns")
    for (const col of copy.columns) col.blocks = col.blocks.map((b) => cloneBlock(b));
  return copy;
}

/** Applies `fn` to the list holding `id` (top level or a column's), returning a new tree. */
function inListOf(
  blocks: TEmailBlock[],
  id: string,
  fn: (list: TEmailBlock[], index: number) => TEmailBlock[],
): TEmailBlock[] {
  const i = blocks.findIndex((b) => b.id === id);
  if (i >= 0) return fn(blocks, i);
  return blocks.map((b) =>
    b.type === "columns"
      ? {
          ...b,
          columns: b.columns.map((c) => ({
            blocks: inListOf(c.blocks, id, fn as never) as TContentBlock[],
          })),
        }
      : b,
  );
}

export function findBlock(blocks: TEmailBlock[], id: string): TEmailBlock | null {
  for (const b of blocks) {
    if (b.id === id) return b;
    if (b.type === "columns")
      for (const c of b.columns) for (const inner of c.blocks) if (inner.id === id) return inner;
  }
  return null;
}

/** The zod path of a block (`blocks.2`, `blocks.1.columns.0.blocks.3`): what errors are keyed by. */
export function blockPath(blocks: TEmailBlock[], id: string): string | null {
  for (const [i, b] of blocks.entries()) {
    if (b.id === id) return `blocks.${i}`;
    if (b.type === "columns")
      for (const [j, c] of b.columns.entries()) {
        const k = c.blocks.findIndex((x) => x.id === id);
        if (k >= 0) return `blocks.${i}.columns.${j}.blocks.${k}`;
      }
  }
  return null;
}

export const updateBlock = (blocks: TEmailBlock[], id: string, patch: Partial<TEmailBlock>) =>
  inListOf(blocks, id, (list, i) =>
    list.map((b, j) => (j === i ? ({ ...b, ...patch } as TEmailBlock) : b)),
  );

export const removeBlock = (blocks: TEmailBlock[], id: string) =>
  inListOf(blocks, id, (list, i) => list.filter((_, j) => j !== i));

export const moveBlock = (blocks: TEmailBlock[], id: string, by: -1 | 1) =>
  inListOf(blocks, id, (list, i) => {
    const to = i + by;
    if (to < 0 || to >= list.length) return list;
    const next = [...list];
    [next[i], next[to]] = [next[to]!, next[i]!];
    return next;
  });

/**
 * Drag and drop: puts a block where another of the same list is (before it when coming from
 * below, after it when coming from above, as a list reorders under a dragged row). A block never
 * leaves its list, so dropping onto a block of another list changes nothing.
 */
export const moveBlockTo = (blocks: TEmailBlock[], id: string, targetId: string) =>
  inListOf(blocks, id, (list, i) => {
    const to = list.findIndex((b) => b.id === targetId);
    if (to < 0 || to === i) return list;
    const next = list.filter((_, j) => j !== i);
    next.splice(to, 0, list[i]!);
    return next;
  });

export const duplicateBlock = (blocks: TEmailBlock[], id: string) =>
  inListOf(blocks, id, (list, i) => [
    ...list.slice(0, i + 1),
    cloneBlock(list[i]!),
    ...list.slice(i + 1),
  ]);

/** Adds after the selected block (in its list), or at the end; columns never nest. */
export function insertBlock(
  blocks: TEmailBlock[],
  block: TEmailBlock,
  afterId: string | null,
): TEmailBlock[] {
  if (
    afterId &&
    findBlock(blocks, afterId) &&
    !(block.type === "columns" && !blocks.some((b) => b.id === afterId))
  )
    return inListOf(blocks, afterId, (list, i) => [
      ...list.slice(0, i + 1),
      block,
      ...list.slice(i + 1),
    ]);
  return [...blocks, block];
}
