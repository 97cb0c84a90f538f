"use client";
import { Bold, Italic, Link } from "lucide-react";
import { flushSync } from "react-dom";
import { Button } from "@/components/ui/button";

/**
 * Wraps the selection of a text block in the markup of rich-text.ts: **bold**, *italic*,
 * [label](url). With nothing selected it inserts a placeholder and selects it to type over.
 */
export function wrapSelection(
  value: string,
  start: number,
  end: number,
  kind: "bold" | "italic" | "link",
) {
  const selected = value.slice(start, end);
  if (kind === "link") {
    const label = selected || "link text";
    const url = "https://";
    const text = `[${label}](${url})`;
    const urlStart = start + label.length + 3;
    return {
      value: value.slice(0, start) + text + value.slice(end),
      select: [urlStart, urlStart + url.length] as const,
    };
  }
  const mark = kind === "bold" ? "**" : "*";
  const inner = selected || (kind === "bold" ? "bold text" : "italic text");
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
  const apply = (kind: "bold" | "italic" | "link") => {
    const el = target.current;
    if (!el) return;
    const r = wrapSelection(el.value, el.selectionStart, el.selectionEnd, kind);
    // The new value is rendered before the selection is set, in this same click: a deferred
    // setSelectionRange lost the race with fast typing (the caret sat after the placeholder).
    flushSync(() => onChange(r.value));
    el.focus();
    el.setSelectionRange(r.select[0], r.select[1]);
  };
  // mousedown is prevented so the textarea keeps its selection while the button is pressed.
  const btn = (kind: "bold" | "italic" | "link", label: string, Icon: typeof Bold) => (
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
      aria-label="Formatting"
    >
      {btn("bold", "Bold", Bold)}
      {btn("italic", "Italic", Italic)}
      {btn("link", "Link", Link)}
      <span className="ml-auto pr-1 text-[11px] text-slate-400">
        **bold** *italic* [label](url)
      </span>
    </div>
  );
}
