"use client";
import { useTranslations } from "next-intl";
import { NumberField } from "../form-controls";
import { fieldId, type TBlockFormProps } from "./block-form-props";

export function SpacerForm({ block: b, onPatch }: TBlockFormProps<"spacer">) {
  const t = useTranslations("templates.blocks.spacer");
  return (
    <NumberField
      id={fieldId(b, "height")}
      label={t("height")}
      value={b.height}
      min={4}
      max={200}
      suffix="px"
      onChange={(height) => onPatch({ height })}
    />
  );
}
