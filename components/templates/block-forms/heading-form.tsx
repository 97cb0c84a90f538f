"use client";
import { useTranslations } from "next-intl";
import { SelectField } from "../form-controls";
import { LiquidField } from "../liquid-field";
import { AlignField } from "./align-field";
import { fieldId, type TBlockFormProps } from "./block-form-props";

export function HeadingForm({ block: b, path, onPatch }: TBlockFormProps<"heading">) {
  const t = useTranslations("templates.blocks.heading");
  return (
    <>
      <LiquidField
        id={fieldId(b, "text")}
        label={t("text")}
        path={`${path}.text`}
        value={b.text}
        onChange={(text) => onPatch({ text })}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          id={fieldId(b, "level")}
          label={t("size")}
          value={b.level}
          options={([1, 2, 3] as const).map((level) => ({
            value: level,
            label: t(`level${level}`),
          }))}
          onChange={(level) => onPatch({ level })}
        />
        <AlignField
          id={fieldId(b, "align")}
          value={b.align}
          onChange={(align) => onPatch({ align })}
        />
      </div>
    </>
  );
}
