"use client";
import { useTranslations } from "next-intl";
import { SelectField } from "../form-controls";

type TAlign = "left" | "center" | "right";

/** Left, centre or right: the alignment shared by headings, text, buttons and images. */
export function AlignField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: TAlign;
  onChange: (align: TAlign) => void;
}) {
  const t = useTranslations("templates.blocks.align");
  return (
    <SelectField
      id={id}
      label={t("label")}
      value={value}
      options={(["left", "center", "right"] as const).map((v) => ({ value: v, label: t(v) }))}
      onChange={onChange}
    />
  );
}
