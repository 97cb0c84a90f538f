"use client";
import { Bold, Italic, Link } from "lucide-react";
import { useTranslations } from "next-intl";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";

/**
 * Wraps the selection of a text block in the markup of rich-text.ts: **bold**, *italic*,
 * [label](url). With nothing selected it inserts a placeholder (in the author's language) and
 * selects it to type over.
 */
export type TKind = "bold" | "italic" | "link";
const ENGLISH: Record<TKind, string> = {
  bold: "bold text",
  italic: "italic text",
  link: "link text",
};

export function wrapSelection(
  value: string,
  start: number,
  end: number,
  kind: TKind,
  placeholders: Record<TKind, string> = ENGLISH,
) {
  const selected = value.slice(start, end);
  if (kind === "link") {
    const label = selected || placeholders.link;
    const url = "https://";
    const text = `[${label}](${url})`;
    const urlStart = start + label.length + 3;
    return {
      value: value.slice(0, start) + text + value.slice(end),
      select: [urlStart, urlStart + url.length] as const,
    };
  }
  const mark = kind === "bold" ? "**" : "*";
  const inner = selected || placeholders[kind];
  const text = `${mark}${inner}${mark}`;
  return {
    value: value.slice(0, start) + text + value.slice(end),
    select: [start + mark.length, start + mark.length + inner.length] as const,
  };
}

export function RichTextToolbar({
  target,
  onChange,
}: {
  target: React.RefObject<HTMLTextAreaElement | null>;
  onChange: (v: string) => void;
}) {
  const t = useTranslations("templates.richText");
  const placeholders = { bold: t("boldText"), italic: t("italicText"), link: t("linkText") };
  const apply = (kind: TKind) => {
    const el = target.current;
    if (!el) return;
    const r = wrapSelection(el.value, el.selectionStart, el.selectionEnd, kind, placeholders);
    // The new value is rendered before the selection is set, in this same click: a deferred
    // setSelectionRange lost the race with fast typing (the caret sat after the placeholder).
    flushSync(() => onChange(r.value));
    el.focus();
    el.setSelectionRange(r.select[0], r.select[1]);
  };
  // mousedown is prevented so the textarea keeps its selection while the button is pressed.
  const btn = (kind: TKind, label: string, Icon: typeof Bold) => (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className="size-7"
      aria-label={label}
      title={label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => apply(kind)}
      data-mutates
    >
      <Icon />
    </Button>
  );
  return (
    <div
      className="mb-1 flex items-center gap-0.5 rounded-t-md border border-b-0 border-slate-200 bg-slate-50 px-1 py-0.5"
      role="toolbar"
      aria-label={t("toolbar")}
    >
      {btn("bold", t("bold"), Bold)}
      {btn("italic", t("italic"), Italic)}
      {btn("link", t("link"), Link)}
      <span className="ml-auto truncate pr-1 text-[11px] text-slate-400">{t("syntax")}</span>
    </div>
  );
}
