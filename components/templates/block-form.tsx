"use client";
import { useRef } from "react";
import { useEditor } from "./editor-context";
import type { TEmailBlock } from "@/lib/templates/template-content";
import { BLOCK_META } from "./block-meta";
import { ALIGN_OPTIONS, ColorField, NumberField, SelectField } from "./form-controls";
import { LiquidField } from "./liquid-field";
import { RichTextToolbar } from "./rich-text-toolbar";

type Props = {
  block: TEmailBlock;
  path: string;
  onPatch: (patch: Record<string, unknown>) => void;
};

/** The selected block's fields; text fields take Liquid and the variable picker. */
export function BlockForm({ block: b, path, onPatch }: Props) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { readOnly } = useEditor();
  const id = (k: string) => `block-${b.id}-${k}`;
  const align =
    "align" in b ? (
      <SelectField
        id={id("align")}
        label="Alignment"
        value={b.align}
        options={ALIGN_OPTIONS}
        onChange={(align) => onPatch({ align })}
      />
    ) : null;
  const body = (() => {
    switch (b.type) {
      case "heading":
        return (
          <>
            <LiquidField
              id={id("text")}
              label="Heading text"
              path={`${path}.text`}
              value={b.text}
              onChange={(text) => onPatch({ text })}
            />
            <div className="grid grid-cols-2 gap-3">
              <SelectField
                id={id("level")}
                label="Size"
                value={b.level}
                options={[
                  { value: 1, label: "Large (H1)" },
                  { value: 2, label: "Medium (H2)" },
                  { value: 3, label: "Small (H3)" },
                ]}
                onChange={(level) => onPatch({ level })}
              />
              {align}
            </div>
          </>
        );
      case "text":
        return (
          <>
            <LiquidField
              id={id("text")}
              label="Text"
              path={`${path}.text`}
              value={b.text}
              multiline
              rows={6}
              inputRef={textRef}
              toolbar={
                readOnly ? undefined : (
                  <RichTextToolbar target={textRef} onChange={(text) => onPatch({ text })} />
                )
              }
              onChange={(text) => onPatch({ text })}
            />
            {align}
          </>
        );
      case "button":
        return (
          <>
            <LiquidField
              id={id("label")}
              label="Button label"
              path={`${path}.label`}
              value={b.label}
              onChange={(label) => onPatch({ label })}
            />
            <LiquidField
              id={id("url")}
              label="Button URL"
              path={`${path}.url`}
              value={b.url}
              placeholder="https://…"
              onChange={(url) => onPatch({ url })}
            />
            <div className="grid grid-cols-3 gap-3">
              <ColorField
                id={id("bg")}
                label="Colour"
                value={b.backgroundColor}
                placeholder="brand"
                onChange={(v) => onPatch({ backgroundColor: v || undefined })}
              />
              <ColorField
                id={id("fg")}
                label="Text colour"
                value={b.textColor}
                onChange={(textColor) => onPatch({ textColor })}
              />
              {align}
            </div>
          </>
        );
      case "image":
        return (
          <>
            <LiquidField
              id={id("src")}
              label="Image URL"
              path={`${path}.src`}
              value={b.src}
              placeholder="https://…"
              onChange={(src) => onPatch({ src })}
            />
            <LiquidField
              id={id("alt")}
              label="Alt text"
              path={`${path}.alt`}
              value={b.alt}
              hint="Read aloud by screen readers and shown when images are off"
              onChange={(alt) => onPatch({ alt })}
            />
            <LiquidField
              id={id("href")}
              label="Link (optional)"
              path={`${path}.href`}
              value={b.href ?? ""}
              onChange={(v) => onPatch({ href: v || undefined })}
            />
            <div className="grid grid-cols-2 gap-3">
              <NumberField
                id={id("width")}
                label="Width"
                value={b.width}
                min={16}
                max={800}
                suffix="px"
                onChange={(width) => onPatch({ width })}
              />
              {align}
            </div>
          </>
        );
      case "divider":
        return (
          <ColorField
            id={id("color")}
            label="Line colour"
            value={b.color}
            onChange={(color) => onPatch({ color })}
          />
        );
      case "spacer":
        return (
          <NumberField
            id={id("height")}
            label="Height"
            value={b.height}
            min={4}
            max={200}
            suffix="px"
            onChange={(height) => onPatch({ height })}
          />
        );
      case "footer":
        return (
          <>
            <LiquidField
              id={id("text")}
              label="Footer text"
              path={`${path}.text`}
              value={b.text}
              multiline
              rows={3}
              onChange={(text) => onPatch({ text })}
            />
            <div className="grid grid-cols-2 gap-3">
              <LiquidField
                id={id("unsub")}
                label="Unsubscribe link text"
                path={`${path}.unsubscribeText`}
                value={b.unsubscribeText}
                onChange={(unsubscribeText) => onPatch({ unsubscribeText })}
              />
              <LiquidField
                id={id("view")}
                label="View-in-browser text"
                path={`${path}.viewInBrowserText`}
                value={b.viewInBrowserText ?? ""}
                onChange={(v) => onPatch({ viewInBrowserText: v || undefined })}
              />
            </div>
          </>
        );
      case "columns":
        return (
          <SelectField
            id={id("count")}
            label="Columns"
            value={b.columns.length}
            options={[
              { value: 2, label: "2 columns" },
              { value: 3, label: "3 columns" },
            ]}
            onChange={(n) =>
              onPatch({
                columns:
                  n > b.columns.length ? [...b.columns, { blocks: [] }] : b.columns.slice(0, n),
              })
            }
          />
        );
    }
  })();
  return (
    <div className="space-y-3" data-testid="block-form">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {BLOCK_META[b.type].label} block
      </p>
      {body}
    </div>
  );
}
