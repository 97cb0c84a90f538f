import { describe, expect, it } from "vitest";
import {
  blockPath,
  duplicateBlock,
  findBlock,
  insertBlock,
  moveBlock,
  moveBlockTo,
  newBlock,
  removeBlock,
  updateBlock,
} from "./email-block-ops";
import { ZEmailContent, type TEmailBlock } from "./template-content";

const tree = (): TEmailBlock[] => [
  { id: "h", type: "heading", level: 1, text: "Hi", align: "left" },
  {
    id: "c",
    type: "columns",
    columns: [
      { blocks: [{ id: "c1", type: "text", text: "left", align: "left" }] },
      {
        blocks: [
          { id: "c2", type: "text", text: "right", align: "left" },
          { id: "c3", type: "divider", color: "#eeeeee" },
        ],
      },
    ],
  },
  { id: "f", type: "footer", text: "", unsubscribeText: "Unsubscribe" },
];

describe("email block edits", () => {
  it("moves blocks within their own list only", () => {
    expect(moveBlock(tree(), "h", 1).map((b) => b.id)).toEqual(["c", "h", "f"]);
    expect(moveBlock(tree(), "h", -1).map((b) => b.id)).toEqual(["h", "c", "f"]);
    const inner = moveBlock(tree(), "c3", -1);
    expect(blockPath(inner, "c3")).toBe("blocks.1.columns.1.blocks.0");
  });

  it("drops a dragged block at another's place in the same list, and nowhere else", () => {
    expect(moveBlockTo(tree(), "h", "f").map((b) => b.id)).toEqual(["c", "f", "h"]);
    expect(moveBlockTo(tree(), "f", "h").map((b) => b.id)).toEqual(["f", "h", "c"]);
    expect(moveBlockTo(tree(), "h", "h")).toEqual(tree());
    // Into another list (a column's): nothing moves.
    expect(moveBlockTo(tree(), "h", "c3")).toEqual(tree());
  });

  it("duplicates with fresh ids, including inside columns, and the result stays valid", () => {
    const dup = duplicateBlock(tree(), "c");
    expect(dup).toHaveLength(4);
    const ids = JSON.stringify(dup).match(/"id":"[^"]+"/g)!;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ZEmailContent.safeParse({ channel: "email", subject: "s", blocks: dup }).success).toBe(
      true,
    );
  });

  it("updates, removes and finds nested blocks by id", () => {
    const updated = updateBlock(tree(), "c2", { text: "changed" } as Partial<TEmailBlock>);
    expect(findBlock(updated, "c2")).toMatchObject({ text: "changed" });
    expect(findBlock(removeBlock(updated, "c2"), "c2")).toBeNull();
    expect(blockPath(tree(), "f")).toBe("blocks.2");
  });

  it("inserts after the selection, but never a columns block inside columns", () => {
    const b = newBlock("button");
    expect(blockPath(insertBlock(tree(), b, "c1"), b.id)).toBe("blocks.1.columns.0.blocks.1");
    const cols = newBlock("columns");
    expect(blockPath(insertBlock(tree(), cols, "c1"), cols.id)).toBe("blocks.3");
    expect(blockPath(insertBlock(tree(), b, null), b.id)).toBe("blocks.3");
  });

  it("every new block is valid content", () => {
    for (const t of [
      "heading",
      "text",
      "button",
      "image",
      "divider",
      "spacer",
      "columns",
      "footer",
    ] as const)
      expect(
        ZEmailContent.safeParse({ channel: "email", subject: "s", blocks: [newBlock(t)] }).success,
        t,
      ).toBe(true);
  });
});
