"use client";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/utils";
import type { TFieldSpec } from "./provider-fields";

const textarea =
  "block min-h-28 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

export const SAVED_SECRET_HINT = "•••••• saved — leave blank to keep";

type Props = {
  id: string;
  spec: TFieldSpec;
  value: string | boolean;
  /** For secrets: whether one is stored. The value itself never reaches the browser. */
  stored?: boolean;
  error?: string;
  onChange: (value: string | boolean) => void;
};

/** One input of a provider form; secrets are write-only, shown only as "saved". */
export function ProviderField({ id, spec, value, stored, error, onChange }: Props) {
  const described = error ? `${id}-error` : undefined;
  if (spec.type === "switch") {
    return (
      <div className="flex items-start gap-3">
        <Switch
          id={id}
          checked={value === true}
          onCheckedChange={(v) => onChange(v)}
          aria-describedby={`${id}-hint`}
          data-mutates
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            {spec.label}
          </label>
          {spec.hint ? (
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {spec.hint}
            </p>
          ) : null}
        </div>
      </div>
    );
  }
  if (spec.type === "select") {
    return (
      <Field id={id} label={spec.label} error={error} hint={spec.hint}>
        <NativeSelect
          id={id}
          name={spec.name}
          value={String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          data-mutates
          onChange={(e) => onChange(e.target.value)}
        >
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
    );
  }
  const secret = spec.type === "secret" || spec.type === "secret-textarea";
  const hint =
    secret && stored ? `${SAVED_SECRET_HINT}${spec.hint ? `. ${spec.hint}` : ""}` : spec.hint;
  const common = {
    id,
    name: spec.name,
    value: String(value),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    "data-mutates": true,
  };
  return (
    <Field id={id} label={spec.label} error={error} hint={hint}>
      {spec.type === "secret-textarea" ? (
        <textarea
          {...common}
          className={textarea}
          placeholder={stored ? SAVED_SECRET_HINT : spec.placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Input
          {...common}
          className={cn(secret && stored && "placeholder:text-slate-500")}
          type={secret ? "password" : spec.type === "number" ? "text" : spec.type}
          inputMode={spec.type === "number" ? "numeric" : undefined}
          placeholder={secret ? (stored ? "••••••" : "") : spec.placeholder}
          autoComplete={secret ? "new-password" : "off"}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
