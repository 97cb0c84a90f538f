"use client";
import { useTranslations } from "next-intl";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { useEditor } from "./editor-context";

/** Plain (non-Liquid) controls of the template forms, disabled when read-only. */
export function SelectField<T extends string | number>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const { readOnly } = useEditor();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={String(value)}
        disabled={readOnly}
        onChange={(e) => onChange(options.find((o) => String(o.value) === e.target.value)!.value)}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

export function NumberField({
  id,
  label,
  value,
  min,
  max,
  suffix,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  suffix?: string;
  onChange: (v: number) => void;
}) {
  const { readOnly } = useEditor();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          type="number"
          min={min}
          max={max}
          value={Number.isFinite(value) ? value : ""}
          disabled={readOnly}
          onChange={(e) =>
            onChange(e.target.value === "" ? min : Math.round(Number(e.target.value)))
          }
        />
        {suffix ? <span className="text-xs text-slate-500">{suffix}</span> : null}
      </div>
    </div>
  );
}

/** A colour as #rrggbb: a swatch to pick and the hex to type. */
export function ColorField({
  id,
  label,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  const t = useTranslations("templates.form");
  const { readOnly } = useEditor();
  const swatch = /^#[0-9a-fA-F]{6}$/.test(value ?? "") ? value! : "#ffffff";
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={t("swatch", { label })}
          value={swatch}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value)}
          className="h-9 w-10 shrink-0 cursor-pointer rounded border border-slate-300 bg-white p-0.5"
        />
        <Input
          id={id}
          value={value ?? ""}
          placeholder={placeholder}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value)}
          className="font-mono text-xs"
        />
      </div>
    </div>
  );
}
