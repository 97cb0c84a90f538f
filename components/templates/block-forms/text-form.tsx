"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useEditor } from "../editor-context";
import { LiquidField } from "../liquid-field";
import { RichTextToolbar } from "../rich-text-toolbar";
import { AlignField } from "./align-field";
import { fieldId, type TBlockFormProps } from "./block-form-props";

/** Rich text, with the bold/italic/link toolbar over it while editable. */
export function TextForm({ block: b, path, onPatch }: TBlockFormProps<"text">) {
  const t = useTranslations("templates.blocks.text");
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { readOnly } = useEditor();
  return (
    <>
      <LiquidField
        id={fieldId(b, "text")}
        label={t("text")}
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
      <AlignField
        id={fieldId(b, "align")}
        value={b.align}
        onChange={(align) => onPatch({ align })}
      />
    </>
  );
}
