"use client";
import { useTranslations } from "next-intl";
import { ColorField } from "../form-controls";
import { fieldId, type TBlockFormProps } from "./block-form-props";

export function DividerForm({ block: b, onPatch }: TBlockFormProps<"divider">) {
  const t = useTranslations("templates.blocks.divider");
  return (
    <ColorField
      id={fieldId(b, "color")}
      label={t("colour")}
      value={b.color}
      onChange={(color) => onPatch({ color })}
    />
  );
}
