"use client";
import { FONT_STACKS, type TEmailTheme } from "@/lib/templates/template-content";
import { ColorField, NumberField, SelectField } from "./form-controls";

const FONT_LABELS: Record<keyof typeof FONT_STACKS, string> = {
  system: "System UI",
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
  return (
    <div className="grid grid-cols-2 gap-3">
      <ColorField
        id="theme-brand"
        label="Brand colour"
        value={theme.brandColor}
        onChange={(brandColor) => onChange({ ...theme, brandColor })}
      />
      <ColorField
        id="theme-bg"
        label="Background"
        value={theme.backgroundColor}
        onChange={(backgroundColor) => onChange({ ...theme, backgroundColor })}
      />
      <SelectField
        id="theme-font"
        label="Font"
        value={theme.fontFamily}
        options={(Object.keys(FONT_STACKS) as (keyof typeof FONT_STACKS)[]).map((f) => ({
          value: f,
          label: FONT_LABELS[f],
        }))}
        onChange={(fontFamily) => onChange({ ...theme, fontFamily })}
      />
      <NumberField
        id="theme-width"
        label="Content width"
        value={theme.contentWidth}
        min={320}
        max={800}
        suffix="px"
        onChange={(contentWidth) => onChange({ ...theme, contentWidth })}
      />
    </div>
  );
}
