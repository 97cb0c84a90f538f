import {
  Columns2,
  Heading,
  Image,
  type LucideIcon,
  Minus,
  MousePointerClick,
  MoveVertical,
  PanelBottom,
  Pilcrow,
} from "lucide-react";
import type { TBlockType } from "@/lib/templates/email-block-ops";
import type { TEmailBlock } from "@/lib/templates/template-content";

export const BLOCK_META: Record<TBlockType, { label: string; icon: LucideIcon }> = {
  heading: { label: "Heading", icon: Heading },
  text: { label: "Text", icon: Pilcrow },
  button: { label: "Button", icon: MousePointerClick },
  image: { label: "Image", icon: Image },
  divider: { label: "Divider", icon: Minus },
  spacer: { label: "Spacer", icon: MoveVertical },
  columns: { label: "Columns", icon: Columns2 },
  footer: { label: "Footer", icon: PanelBottom },
};

/** One line that tells blocks apart in the list. */
export function blockSummary(b: TEmailBlock): string {
  const plain = (s: string) =>
    s
      .replace(/\*\*|\*|\[([^\]]*)\]\([^)]*\)/g, (_, label?: string) => label ?? "")
      .replace(/\s+/g, " ")
      .trim();
  switch (b.type) {
    case "heading":
    case "text":
      return plain(b.text) || "(empty)";
    case "button":
      return `${b.label || "(no label)"} → ${b.url}`;
    case "image":
      return b.alt || b.src;
    case "divider":
      return b.color;
    case "spacer":
      return `${b.height}px`;
    case "footer":
      return plain(b.text) || b.unsubscribeText;
    case "columns":
      return `${b.columns.length} columns`;
  }
}
