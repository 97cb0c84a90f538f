"use client";
import { useTranslations } from "next-intl";
import { FilterField } from "./filter-field";
import type { TRangeValue } from "./filter-query";
import { Input, NativeSelect } from "./input";

export type { TRangeValue } from "./filter-query";
export const RANGE_CHOICES = ["7d", "14d", "30d", "90d", "custom"] as const;

/**
 * A date range: a preset (last 7, 14, 30 or 90 days) or custom days. FilterBar draws it (its
 * `dateRange` option) for the dashboards and the journey canvas's counts, so both offer the same
 * ranges worded the same way; custom days are applied by the bar's Apply button.
 */
export function DateRangeFields({
  value,
  onChange,
  onPreset,
}: {
  value: TRangeValue;
  /** Every edit (custom days stay local until the form is submitted). */
  onChange: (next: TRangeValue) => void;
  /** A preset chosen: applies at once. */
  onPreset: (next: TRangeValue) => void;
}) {
  const t = useTranslations("dashboards.filters");
  return (
    <>
      <FilterField label={t("dateRange")}>
        <NativeSelect
          aria-label={t("dateRange")}
          value={value.range}
          onChange={(e) => onPreset({ ...value, range: e.target.value })}
          className="w-auto"
        >
          {RANGE_CHOICES.map((p) => (
            <option key={p} value={p}>
              {p === "custom" ? t("custom") : t("lastDays", { days: Number.parseInt(p, 10) })}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      {value.range === "custom" ? (
        <>
          <FilterField label={t("from")}>
            <Input
              type="date"
              aria-label={t("from")}
              value={value.from}
              max={value.to || undefined}
              onChange={(e) => onChange({ ...value, from: e.target.value })}
              className="w-auto"
            />
          </FilterField>
          <FilterField label={t("to")}>
            <Input
              type="date"
              aria-label={t("to")}
              value={value.to}
              min={value.from || undefined}
              onChange={(e) => onChange({ ...value, to: e.target.value })}
              className="w-auto"
            />
          </FilterField>
        </>
      ) : null}
    </>
  );
}
