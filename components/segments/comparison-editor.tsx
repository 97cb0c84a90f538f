"use client";
import { useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/input";
import { VALUE_TYPES, type TComparison, type TValueType } from "@/lib/segments/definition";
import type { TFieldInvalid } from "./builder-context";
import { defaultValue, OPS } from "./comparison-defaults";
import { ComparisonValueInput } from "./comparison-value-input";

type Props = {
  value: TComparison;
  onChange: (c: TComparison) => void;
  types?: readonly TValueType[];
  label: string;
  readOnly: boolean;
  invalid?: TFieldInvalid;
  /** Narrow columns (the journey side panel): type and operator on one line, the value under them. */
  compact?: boolean;
};

/** Type, operator and a value input fitting both: numbers, dates, day counts, lists. */
export function ComparisonEditor({
  value,
  onChange,
  types = VALUE_TYPES,
  label,
  readOnly,
  invalid = () => false,
  compact = false,
}: Props) {
  // Fixed widths line up in the segment builder's rows; a narrow panel shares its width instead.
  const w = (width: string) => (compact ? "min-w-0 flex-1" : width);
  const set = (patch: Partial<TComparison>) => onChange({ ...value, ...patch });
  const selects = (
    <ComparisonSelects
      value={value}
      onChange={onChange}
      types={types}
      label={label}
      readOnly={readOnly}
      invalid={invalid}
      compact={compact}
    />
  );
  // An operator that takes no value (is set, is true…) has no value slot, and no line for it.
  const input =
    value.value === undefined ? null : (
      <ComparisonValueInput
        value={value}
        set={set}
        label={label}
        readOnly={readOnly}
        bad={invalid("value")}
        w={w}
      />
    );
  if (compact) {
    return (
      <div className="space-y-2">
        <div className="flex items-center gap-2">{selects}</div>
        {input ? <div className="flex items-center gap-2">{input}</div> : null}
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {selects}
      {input}
    </div>
  );
}

/**
 * The value type (when more than one is allowed) and the operator. A new type or operator starts
 * again from the value it takes by default.
 */
function ComparisonSelects({
  value,
  onChange,
  types,
  label,
  readOnly,
  invalid,
  compact,
}: Required<Props>) {
  const t = useTranslations("segments.builder");
  const to = useTranslations("segments.ops");
  const { type, op } = value;
  return (
    <>
      {types.length > 1 ? (
        <NativeSelect
          aria-label={t("aria.type", { label })}
          aria-invalid={invalid("type")}
          className={compact ? "w-32 shrink-0" : "w-auto min-w-28"}
          value={type}
          disabled={readOnly}
          onChange={(e) => {
            const next = e.target.value as TValueType;
            const o = OPS[next][0]!;
            onChange({ ...value, type: next, op: o, value: defaultValue(next, o) });
          }}
        >
          {types.map((vt) => (
            <option key={vt} value={vt}>
              {t(`valueTypes.${vt}`)}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <NativeSelect
        aria-label={t("aria.operator", { label })}
        aria-invalid={invalid("op")}
        className={compact ? "min-w-0 flex-1" : "w-44"}
        value={op}
        disabled={readOnly}
        onChange={(e) =>
          onChange({ ...value, op: e.target.value, value: defaultValue(type, e.target.value) })
        }
      >
        {OPS[type].map((o) => (
          <option key={o} value={o}>
            {to.has(o as "equals") ? to(o as "equals") : o}
          </option>
        ))}
      </NativeSelect>
    </>
  );
}
