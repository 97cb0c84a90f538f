"use client";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import type { TComparison } from "@/lib/segments/definition";
import { DAY_OPS, toIso } from "./comparison-defaults";

type TValueProps = {
  value: TComparison;
  set: (patch: Partial<TComparison>) => void;
  label: string;
  readOnly: boolean;
  /** The value is refused: a range outlines both ends, since together they are the value. */
  bad: boolean;
  /** A fixed width in the segment builder's rows; a narrow panel shares its width instead. */
  w: (width: string) => string;
};

const num = (v: string) => (v === "" ? ("" as unknown as number) : Number(v));

/** The value input fitting a comparison's type and operator, or nothing for one that takes none. */
export function ComparisonValueInput(props: TValueProps) {
  const { type } = props.value;
  if (props.value.value === undefined) return null;
  if (type === "number") return <NumberValue {...props} />;
  if (type === "date") return <DateValue {...props} />;
  return <TextValue {...props} />;
}

/** A number, or a low and high for `between`. */
function NumberValue({ value, set, label, readOnly, bad, w }: TValueProps) {
  const t = useTranslations("segments.builder");
  const v = value.value;
  if (value.op === "between") {
    const [a, b] = (v as [number, number]) ?? [0, 0];
    return (
      <>
        <Input
          type="number"
          aria-label={t("aria.from", { label })}
          aria-invalid={bad}
          className={w("w-24")}
          value={a}
          disabled={readOnly}
          onChange={(e) => set({ value: [num(e.target.value), b] })}
        />
        <span className="text-sm text-slate-500">{t("and_between")}</span>
        <Input
          type="number"
          aria-label={t("aria.to", { label })}
          aria-invalid={bad}
          className={w("w-24")}
          value={b}
          disabled={readOnly}
          onChange={(e) => set({ value: [a, num(e.target.value)] })}
        />
      </>
    );
  }
  return (
    <Input
      type="number"
      aria-label={t("aria.value", { label })}
      aria-invalid={bad}
      className={w("w-28")}
      value={v as number}
      disabled={readOnly}
      onChange={(e) => set({ value: num(e.target.value) })}
    />
  );
}

/** A count of days (within the last or next days, more than days ago), two dates, or one. */
function DateValue({ value, set, label, readOnly, bad, w }: TValueProps) {
  const t = useTranslations("segments.builder");
  const { op } = value;
  const v = value.value;
  if (DAY_OPS.includes(op)) {
    return (
      <>
        <Input
          type="number"
          min={0}
          aria-label={t("aria.days", { label })}
          aria-invalid={bad}
          className={w("w-20")}
          value={v as number}
          disabled={readOnly}
          onChange={(e) => set({ value: num(e.target.value) })}
        />
        <span className="text-sm text-slate-500">
          {op === "more_than_days_ago" ? t("daysAgo") : t("days")}
        </span>
      </>
    );
  }
  if (op === "between") {
    const [a, b] = v as [string, string];
    return (
      <>
        <Input
          type="date"
          aria-label={t("aria.from", { label })}
          aria-invalid={bad}
          className={w("w-40")}
          value={a.slice(0, 10)}
          disabled={readOnly}
          onChange={(e) => set({ value: [toIso(e.target.value), b] })}
        />
        <span className="text-sm text-slate-500">{t("and_between")}</span>
        <Input
          type="date"
          aria-label={t("aria.to", { label })}
          aria-invalid={bad}
          className={w("w-40")}
          value={b.slice(0, 10)}
          disabled={readOnly}
          onChange={(e) => set({ value: [a, toIso(e.target.value)] })}
        />
      </>
    );
  }
  return (
    <Input
      type="date"
      aria-label={t("aria.date", { label })}
      aria-invalid={bad}
      className={w("w-40")}
      value={(v as string).slice(0, 10)}
      disabled={readOnly}
      onChange={(e) => set({ value: toIso(e.target.value) })}
    />
  );
}

/** Text, or a comma-separated list for `in` and `not in`. */
function TextValue({ value, set, label, readOnly, bad, w }: TValueProps) {
  const t = useTranslations("segments.builder");
  const v = value.value;
  if (value.op === "in" || value.op === "not_in") {
    return (
      <Input
        aria-label={t("aria.values", { label })}
        aria-invalid={bad}
        placeholder={t("listPlaceholder")}
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
      aria-label={t("aria.value", { label })}
      aria-invalid={bad}
      className={w("w-48")}
      value={String(v)}
      disabled={readOnly}
      onChange={(e) => set({ value: e.target.value })}
    />
  );
}
