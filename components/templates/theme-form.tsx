"use client";
import { useTranslations } from "next-intl";
import { FONT_STACKS, type TEmailTheme } from "@/lib/templates/template-content";
import { ColorField, NumberField, SelectField } from "./form-controls";

/** Typeface names are the same in every language; the system font is worded by the catalogue. */
const FONT_NAMES: Record<Exclude<keyof typeof FONT_STACKS, "system">, string> = {
  helvetica: "Helvetica",
  georgia: "Georgia",
  verdana: "Verdana",
  trebuchet: "Trebuchet",
  courier: "Courier",
};

export function ThemeForm({
  theme,
  onChange,
}: {
  theme: TEmailTheme;
  onChange: (t: TEmailTheme) => void;
}) {
  const t = useTranslations("templates.theme");
  return (
    <div className="grid grid-cols-2 gap-3">
      <ColorField
        id="theme-brand"
        label={t("brandColour")}
        value={theme.brandColor}
        onChange={(brandColor) => onChange({ ...theme, brandColor })}
      />
      <ColorField
        id="theme-bg"
        label={t("background")}
        value={theme.backgroundColor}
        onChange={(backgroundColor) => onChange({ ...theme, backgroundColor })}
      />
      <SelectField
        id="theme-font"
        label={t("font")}
        value={theme.fontFamily}
        options={(Object.keys(FONT_STACKS) as (keyof typeof FONT_STACKS)[]).map((f) => ({
          value: f,
          label: f === "system" ? t("systemFont") : FONT_NAMES[f],
        }))}
        onChange={(fontFamily) => onChange({ ...theme, fontFamily })}
      />
      <NumberField
        id="theme-width"
        label={t("contentWidth")}
        value={theme.contentWidth}
        min={320}
        max={800}
        suffix="px"
        onChange={(contentWidth) => onChange({ ...theme, contentWidth })}
      />
    </div>
  );
}
