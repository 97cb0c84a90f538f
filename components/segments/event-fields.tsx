"use client";
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TPropertyFilter, TWindow } from "@/lib/segments/definition";
import { within, type TFieldInvalid } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";

/** An event name with the workspace's known events offered (datalist `segment-event-names`). */
export function EventNameInput({
  value,
  onChange,
  label,
  readOnly,
  invalid,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  readOnly: boolean;
  invalid?: boolean;
}) {
  const t = useTranslations("segments.builder");
  return (
    <Input
      list="segment-event-names"
      aria-label={label}
      aria-invalid={invalid}
      placeholder={t("eventName")}
      className="w-52"
      value={value}
      disabled={readOnly}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** "where <property> <op> <value>" rows, all of which an event must satisfy. */
export function PropertyFilters({
  filters,
  onChange,
  readOnly,
  label,
  invalid = () => false,
}: {
  filters: TPropertyFilter[];
  onChange: (f: TPropertyFilter[]) => void;
  readOnly: boolean;
  label: string;
  invalid?: TFieldInvalid;
}) {
  const t = useTranslations("segments.builder");
  return (
    <div className="space-y-2">
      {filters.map((f, i) => (
        <div key={i} className="flex flex-wrap items-center gap-2 pl-4">
          <span className="text-sm text-slate-500">{t("where")}</span>
          <Input
            aria-label={t("aria.filterProperty", { label, n: i + 1 })}
            aria-invalid={invalid(`${i}.property`)}
            placeholder={t("property")}
            className="w-36"
            value={f.property}
            disabled={readOnly}
            onChange={(e) =>
              onChange(filters.map((x, j) => (j === i ? { ...x, property: e.target.value } : x)))
            }
          />
          <ComparisonEditor
            label={t("aria.filter", { label, n: i + 1 })}
            readOnly={readOnly}
            invalid={within(invalid, String(i))}
            value={f}
            onChange={(c) =>
              onChange(filters.map((x, j) => (j === i ? { ...c, property: x.property } : x)))
            }
          />
          {readOnly ? null : (
            <Button
              variant="ghost"
              size="icon"
              aria-label={t("aria.remove", { label: t("aria.filter", { label, n: i + 1 }) })}
              onClick={() => onChange(filters.filter((_, j) => j !== i))}
              data-mutates
            >
              <X />
            </Button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <Button
          variant="link"
          size="sm"
          className="h-6 px-4"
          onClick={() =>
            onChange([...filters, { property: "", type: "string", op: "equals", value: "" }])
          }
          data-mutates
        >
          <Plus /> {t("propertyFilter")}
        </Button>
      )}
    </div>
  );
}

/** Any time, the last N days, or between two dates. */
export function WindowInput({
  value,
  onChange,
  readOnly,
  label,
  invalid,
}: {
  value: TWindow | undefined;
  onChange: (w: TWindow | undefined) => void;
  readOnly: boolean;
  label: string;
  invalid?: boolean;
}) {
  const t = useTranslations("segments.builder");
  const mode = !value ? "any" : "lastDays" in value ? "last" : "between";
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <NativeSelect
        aria-label={t("aria.window", { label })}
        className="w-auto min-w-40"
        value={mode}
        disabled={readOnly}
        onChange={(e) => {
          const m = e.target.value;
          onChange(
            m === "any"
              ? undefined
              : m === "last"
                ? { lastDays: 30 }
                : { from: `${today}T00:00:00Z`, to: `${today}T23:59:59Z` },
          );
        }}
      >
        <option value="any">{t("anyTime")}</option>
        <option value="last">{t("inTheLast")}</option>
        <option value="between">{t("between")}</option>
      </NativeSelect>
      {value && "lastDays" in value ? (
        <>
          <Input
            type="number"
            min={1}
            aria-label={t("aria.windowDays", { label })}
            aria-invalid={invalid}
            className="w-20"
            value={value.lastDays}
            disabled={readOnly}
            onChange={(e) => onChange({ lastDays: Number(e.target.value) })}
          />
          <span className="text-sm text-slate-500">{t("days")}</span>
        </>
      ) : null}
      {value && "from" in value ? (
        <>
          <Input
            type="date"
            aria-label={t("aria.windowFrom", { label })}
            aria-invalid={invalid}
            className="w-40"
            value={value.from.slice(0, 10)}
            disabled={readOnly}
            onChange={(e) => onChange({ ...value, from: `${e.target.value}T00:00:00Z` })}
          />
          <span className="text-sm text-slate-500">{t("and_between")}</span>
          <Input
            type="date"
            aria-label={t("aria.windowTo", { label })}
            aria-invalid={invalid}
            className="w-40"
            value={value.to.slice(0, 10)}
            disabled={readOnly}
            onChange={(e) => onChange({ ...value, to: `${e.target.value}T23:59:59Z` })}
          />
        </>
      ) : null}
    </div>
  );
}
