"use client";
import { useTranslations } from "next-intl";
import { ColorField } from "../form-controls";
import { LiquidField } from "../liquid-field";
import { AlignField } from "./align-field";
import { fieldId, URL_PLACEHOLDER, type TBlockFormProps } from "./block-form-props";

export function ButtonForm({ block: b, path, onPatch }: TBlockFormProps<"button">) {
  const t = useTranslations("templates.blocks.button");
  return (
    <>
      <LiquidField
        id={fieldId(b, "label")}
        label={t("label")}
        path={`${path}.label`}
        value={b.label}
        onChange={(label) => onPatch({ label })}
      />
      <LiquidField
        id={fieldId(b, "url")}
        label={t("url")}
        path={`${path}.url`}
        value={b.url}
        placeholder={URL_PLACEHOLDER}
        onChange={(url) => onPatch({ url })}
      />
      <div className="grid grid-cols-3 gap-3">
        {/* Empty: the theme's brand colour, which the placeholder names. */}
        <ColorField
          id={fieldId(b, "bg")}
          label={t("colour")}
          value={b.backgroundColor}
          placeholder={t("brandColour")}
          onChange={(v) => onPatch({ backgroundColor: v || undefined })}
        />
        <ColorField
          id={fieldId(b, "fg")}
          label={t("textColour")}
          value={b.textColor}
          onChange={(textColor) => onPatch({ textColor })}
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
