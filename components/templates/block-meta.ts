import {
  Code,
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

/** Each kind's icon; its name is `templates.blocks.kind.<type>` in the catalogues. */
export const BLOCK_ICONS: Record<TBlockType, LucideIcon> = {
  heading: Heading,
  text: Pilcrow,
  button: MousePointerClick,
  image: Image,
  divider: Minus,
  spacer: MoveVertical,
  columns: Columns2,
  footer: PanelBottom,
  html: Code,
};

/** The few words a summary adds of its own, in the viewer's language. */
export type TSummaryWords = { empty: string; noLabel: string; columns: (count: number) => string };

/** One line that tells blocks apart in the list. */
export function blockSummary(b: TEmailBlock, words: TSummaryWords): string {
  const plain = (s: string) =>
    s
      .replace(/\*\*|\*|\[([^\]]*)\]\([^)]*\)/g, (_, label?: string) => label ?? "")
      .replace(/\s+/g, " ")
      .trim();
  switch (b.type) {
    case "heading":
    case "text":
      return plain(b.text) || words.empty;
    case "button":
      return `${b.label || words.noLabel} → ${b.url}`;
    case "image":
      return b.alt || b.src;
    case "divider":
      return b.color;
    case "spacer":
      return `${b.height}px`;
    case "footer":
      return plain(b.text) || b.unsubscribeText;
    case "html":
      return plain(b.html.replace(/<[^>]*>/g, " ")).slice(0, 80) || words.empty;
    case "columns":
      return words.columns(b.columns.length);
  }
}
