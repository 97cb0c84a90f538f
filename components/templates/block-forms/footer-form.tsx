"use client";
import { useTranslations } from "next-intl";
import { LiquidField } from "../liquid-field";
import { fieldId, type TBlockFormProps } from "./block-form-props";

export function FooterForm({ block: b, path, onPatch }: TBlockFormProps<"footer">) {
  const t = useTranslations("templates.blocks.footer");
  return (
    <>
      <LiquidField
        id={fieldId(b, "text")}
        label={t("text")}
        path={`${path}.text`}
        value={b.text}
        multiline
        rows={3}
        onChange={(text) => onPatch({ text })}
      />
      <div className="grid grid-cols-2 gap-3">
        <LiquidField
          id={fieldId(b, "unsub")}
          label={t("unsubscribeText")}
          path={`${path}.unsubscribeText`}
          value={b.unsubscribeText}
          onChange={(unsubscribeText) => onPatch({ unsubscribeText })}
        />
        <LiquidField
          id={fieldId(b, "view")}
          label={t("viewInBrowserText")}
          path={`${path}.viewInBrowserText`}
          value={b.viewInBrowserText ?? ""}
          onChange={(v) => onPatch({ viewInBrowserText: v || undefined })}
        />
      </div>
    </>
  );
}
