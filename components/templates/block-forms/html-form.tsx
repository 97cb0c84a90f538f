"use client";
import { useTranslations } from "next-intl";
import { LiquidField } from "../liquid-field";
import { fieldId, type TBlockFormProps } from "./block-form-props";

export function HtmlForm({ block: b, path, onPatch }: TBlockFormProps<"html">) {
  const t = useTranslations("templates.blocks.html");
  return (
    <LiquidField
      id={fieldId(b, "html")}
      label={t("html")}
      path={`${path}.html`}
      value={b.html}
      multiline
      rows={12}
      onChange={(html) => onPatch({ html })}
    />
  );
}
