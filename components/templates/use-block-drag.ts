"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { moveBlock, moveBlockTo } from "@/lib/templates/email-block-ops";
import type { TEmailBlock } from "@/lib/templates/template-content";

type TChange = (fn: (b: TEmailBlock[]) => TEmailBlock[]) => void;

/**
 * Reordering blocks by drag and drop, with the mouse (native drag events on the rows) or the
 * keyboard (the row's grip: Space picks the block up, arrows move it, Space drops it, Escape puts
 * it back), as the WAI-ARIA sortable-list pattern describes. Each step is announced in a live region.
 */
export function useBlockDrag(onChange: TChange) {
  const t = useTranslations("templates.blocks.drag");
  const [grabbed, setGrabbed] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const before = useRef<TEmailBlock[] | null>(null);
  const dragged = useRef<string | null>(null);

  const gripKeyDown = (e: KeyboardEvent, id: string, name: string) => {
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      if (grabbed === id) {
        setGrabbed(null);
        before.current = null;
        setAnnouncement(t("dropped", { name }));
      } else {
        onChange((blocks) => {
          before.current = blocks;
          return blocks;
        });
        setGrabbed(id);
        setAnnouncement(t("pickedUp", { name }));
      }
    } else if (grabbed === id && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      onChange((b) => moveBlock(b, id, e.key === "ArrowUp" ? -1 : 1));
      setAnnouncement(e.key === "ArrowUp" ? t("movedUp") : t("movedDown"));
    } else if (grabbed === id && e.key === "Escape") {
      e.preventDefault();
      const original = before.current;
      if (original) onChange(() => original);
      before.current = null;
      setGrabbed(null);
      setAnnouncement(t("cancelled"));
    }
  };

  const rowDrag = (id: string) => ({
    draggable: true,
    onDragStart: (e: DragEvent) => {
      dragged.current = id;
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", id);
    },
    onDragOver: (e: DragEvent) => {
      if (dragged.current && dragged.current !== id) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const from = dragged.current;
      dragged.current = null;
      if (from && from !== id) onChange((b) => moveBlockTo(b, from, id));
    },
    onDragEnd: () => {
      dragged.current = null;
    },
  });

  return { grabbed, announcement, gripKeyDown, rowDrag };
}
