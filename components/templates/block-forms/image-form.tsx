"use client";
import { useTranslations } from "next-intl";
import { NumberField } from "../form-controls";
import { LiquidField } from "../liquid-field";
import { AlignField } from "./align-field";
import { fieldId, URL_PLACEHOLDER, type TBlockFormProps } from "./block-form-props";

export function ImageForm({ block: b, path, onPatch }: TBlockFormProps<"image">) {
  const t = useTranslations("templates.blocks.image");
  return (
    <>
      <LiquidField
        id={fieldId(b, "src")}
        label={t("src")}
        path={`${path}.src`}
        value={b.src}
        placeholder={URL_PLACEHOLDER}
        onChange={(src) => onPatch({ src })}
      />
      <LiquidField
        id={fieldId(b, "alt")}
        label={t("alt")}
        path={`${path}.alt`}
        value={b.alt}
        hint={t("altHint")}
        onChange={(alt) => onPatch({ alt })}
      />
      <LiquidField
        id={fieldId(b, "href")}
        label={t("href")}
        path={`${path}.href`}
        value={b.href ?? ""}
        onChange={(v) => onPatch({ href: v || undefined })}
      />
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          id={fieldId(b, "width")}
          label={t("width")}
          value={b.width}
          min={16}
          max={800}
          suffix="px"
          onChange={(width) => onPatch({ width })}
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
