"use client";
import { useId } from "react";
import { Input, Label, NativeSelect } from "@/components/ui/input";

/** Small labelled controls for the side panel's forms; `disabled` is how read-only shows. */
export function TextField({
  label,
  value,
  onChange,
  disabled,
  placeholder,
  list,
  hint,
  error,
  type = "text",
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  disabled: boolean;
  placeholder?: string;
  list?: string;
  hint?: string;
  error?: string;
  type?: string;
}) {
  const id = useId();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        list={list}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && !error ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  disabled,
  min,
  max,
  suffix,
  error,
}: {
  label: string;
  value: unknown;
  onChange: (v: number) => void;
  disabled: boolean;
  min?: number;
  max?: number;
  suffix?: string;
  error?: string;
}) {
  const id = useId();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          type="number"
          className="w-28"
          min={min}
          max={max}
          value={typeof value === "number" ? value : ""}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
        />
        {suffix ? <span className="text-sm text-slate-500">{suffix}</span> : null}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A publish error about one field, under it. */
export function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="mt-1 text-xs text-red-600" data-testid="field-error">
      {message}
    </p>
  ) : null;
}

export function SelectField<T extends string>({
  label,
  value,
  onChange,
  disabled,
  options,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: T) => void;
  disabled: boolean;
  options: readonly (readonly [T, string])[];
  error?: string;
}) {
  const id = useId();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        className="size-4 rounded border-slate-300"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

export const UNITS = [
  ["minutes", "minutes"],
  ["hours", "hours"],
  ["days", "days"],
  ["weeks", "weeks"],
] as const;

/** Suggestions for free-text event and attribute inputs. */
export function Suggestions({ id, values }: { id: string; values: string[] }) {
  return (
    <datalist id={id}>
      {values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}
