"use client";
import { Input, NativeSelect } from "@/components/ui/input";
import {
  ARRAY_OPS,
  BOOLEAN_OPS,
  DATE_OPS,
  NUMBER_OPS,
  STRING_OPS,
  VALUE_TYPES,
  type TComparison,
  type TValueType,
} from "@/lib/segments/definition";
import type { TFieldInvalid } from "./builder-context";
import { OP_LABELS } from "./condition-defaults";

const OPS: Record<TValueType, readonly string[]> = {
  string: STRING_OPS,
  number: NUMBER_OPS,
  boolean: BOOLEAN_OPS,
  date: DATE_OPS,
  array: ARRAY_OPS,
};
const DAY_OPS = ["within_last_days", "within_next_days", "more_than_days_ago"];

/** The value an operator starts with when chosen, matching what the definition schema expects. */
function defaultValue(type: TValueType, op: string): unknown {
  if (["is_set", "is_not_set", "is_true", "is_false", "is_empty"].includes(op)) return undefined;
  if (type === "number") return op === "between" ? [0, 10] : 0;
  if (type === "date")
    return DAY_OPS.includes(op) ? 7 : op === "between" ? [isoDay(-30), isoDay(0)] : isoDay(0);
  if (op === "in" || op === "not_in") return [];
  return "";
}
const isoDay = (offsetDays: number) =>
  `${new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;
const toIso = (d: string) => (d ? `${d}T00:00:00Z` : "");

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
  const { type, op } = value;
  // Fixed widths line up in the segment builder's rows; a narrow panel shares its width instead.
  const w = (width: string) => (compact ? "min-w-0 flex-1" : width);
  // A range's error (reversed, or one end) outlines both ends: together they are the value.
  const bad = invalid("value");
  const set = (patch: Partial<TComparison>) => onChange({ ...value, ...patch });
  const num = (v: string) => (v === "" ? ("" as unknown as number) : Number(v));
  const input = (() => {
    const v = value.value;
    if (v === undefined) return null;
    if (type === "number" && op === "between") {
      const [a, b] = (v as [number, number]) ?? [0, 0];
      return (
        <>
          <Input
            type="number"
            aria-label={`${label} from`}
            aria-invalid={bad}
            className={w("w-24")}
            value={a}
            disabled={readOnly}
            onChange={(e) => set({ value: [num(e.target.value), b] })}
          />
          <span className="text-sm text-slate-500">and</span>
          <Input
            type="number"
            aria-label={`${label} to`}
            aria-invalid={bad}
            className={w("w-24")}
            value={b}
            disabled={readOnly}
            onChange={(e) => set({ value: [a, num(e.target.value)] })}
          />
        </>
      );
    }
    if (type === "number")
      return (
        <Input
          type="number"
          aria-label={`${label} value`}
          aria-invalid={bad}
          className={w("w-28")}
          value={v as number}
          disabled={readOnly}
          onChange={(e) => set({ value: num(e.target.value) })}
        />
      );
    if (type === "date" && DAY_OPS.includes(op)) {
      return (
        <>
          <Input
            type="number"
            min={0}
            aria-label={`${label} days`}
            aria-invalid={bad}
            className={w("w-20")}
            value={v as number}
            disabled={readOnly}
            onChange={(e) => set({ value: num(e.target.value) })}
          />
          <span className="text-sm text-slate-500">
            {op === "more_than_days_ago" ? "days ago" : "days"}
          </span>
        </>
      );
    }
    if (type === "date" && op === "between") {
      const [a, b] = v as [string, string];
      return (
        <>
          <Input
            type="date"
            aria-label={`${label} from`}
            aria-invalid={bad}
            className={w("w-40")}
            value={a.slice(0, 10)}
            disabled={readOnly}
            onChange={(e) => set({ value: [toIso(e.target.value), b] })}
          />
          <span className="text-sm text-slate-500">and</span>
          <Input
            type="date"
            aria-label={`${label} to`}
            aria-invalid={bad}
            className={w("w-40")}
            value={b.slice(0, 10)}
            disabled={readOnly}
            onChange={(e) => set({ value: [a, toIso(e.target.value)] })}
          />
        </>
      );
    }
    if (type === "date")
      return (
        <Input
          type="date"
          aria-label={`${label} date`}
          aria-invalid={bad}
          className={w("w-40")}
          value={(v as string).slice(0, 10)}
          disabled={readOnly}
          onChange={(e) => set({ value: toIso(e.target.value) })}
        />
      );
    if (op === "in" || op === "not_in") {
      return (
        <Input
          aria-label={`${label} values`}
          aria-invalid={bad}
          placeholder="comma, separated, values"
          className={w("w-64")}
          defaultValue={(v as string[]).join(", ")}
          disabled={readOnly}
          onChange={(e) =>
            set({
              value: e.target.value
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
        />
      );
    }
    return (
      <Input
        aria-label={`${label} value`}
        aria-invalid={bad}
        className={w("w-48")}
        value={String(v)}
        disabled={readOnly}
        onChange={(e) => set({ value: e.target.value })}
      />
    );
  })();
  const selects = (
    <>
      {types.length > 1 ? (
        <NativeSelect
          aria-label={`${label} type`}
          aria-invalid={invalid("type")}
          className={compact ? "w-32 shrink-0" : "w-28"}
          value={type}
          disabled={readOnly}
          onChange={(e) => {
            const t = e.target.value as TValueType;
            const o = OPS[t][0]!;
            onChange({ ...value, type: t, op: o, value: defaultValue(t, o) });
          }}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {t === "string" ? "text" : t}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <NativeSelect
        aria-label={`${label} operator`}
        aria-invalid={invalid("op")}
        className={w("w-44")}
        value={op}
        disabled={readOnly}
        onChange={(e) => set({ op: e.target.value, value: defaultValue(type, e.target.value) })}
      >
        {OPS[type].map((o) => (
          <option key={o} value={o}>
            {OP_LABELS[o] ?? o}
          </option>
        ))}
      </NativeSelect>
    </>
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
