"use client";
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { errorsAt, fieldInvalid, within } from "@/components/segments/builder-context";
import { ComparisonEditor } from "@/components/segments/comparison-editor";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TComparison } from "@/lib/segments/definition";
import { ErrorAlert } from "@/components/ui/error-alert";

type R = Record<string, unknown>;
type Props = {
  filters: unknown;
  /** `key` names the field being typed into, so keystrokes coalesce into one undo step. */
  onChange: (filters: R[], key?: string) => void;
  disabled: boolean;
  /** Publish errors by path inside the node's data; filters sit under `path` (`filters`). */
  fieldErrors: Record<string, string>;
  path?: string;
  /** What no filters means here. */
  empty?: string;
};

const list = (v: unknown): R[] => (Array.isArray(v) ? (v as R[]) : []);

function Shell({
  title,
  hint,
  empty,
  children,
  count,
  disabled,
  onAdd,
}: {
  title: string;
  hint: string;
  empty: string;
  children: React.ReactNode;
  count: number;
  disabled: boolean;
  onAdd: () => void;
}) {
  const id = useId();
  const t = useTranslations("journeys.filters");
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid="filter-list">
      <div>
        <h3 id={id} className="text-sm font-medium text-slate-700">
          {title}
        </h3>
        <p className="text-xs text-slate-500">{count ? hint : empty}</p>
      </div>
      {children}
      {!disabled && count < 20 ? (
        <Button type="button" variant="outline" size="sm" onClick={onAdd} data-mutates>
          <Plus /> {t("add")}
        </Button>
      ) : null}
    </section>
  );
}

function FilterBox({
  index,
  messages,
  disabled,
  onRemove,
  property,
  children,
}: {
  index: number;
  messages: string[];
  disabled: boolean;
  onRemove: () => void;
  property: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = useTranslations("journeys.filters");
  return (
    <div
      className="space-y-2 rounded-lg border border-slate-200 bg-slate-50/60 p-2.5"
      data-testid={`filter-${index}`}
      aria-invalid={messages.length > 0}
    >
      <div className="flex items-center gap-1">
        <div className="min-w-0 flex-1">{property}</div>
        {disabled ? null : (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8 shrink-0 text-slate-500"
            aria-label={t("remove", { n: index + 1 })}
            title={t("removeHint")}
            onClick={onRemove}
            data-mutates
          >
            <X />
          </Button>
        )}
      </div>
      {children}
      {messages.map((m) => (
        <ErrorAlert key={m} variant="field">
          {m}
        </ErrorAlert>
      ))}
    </div>
  );
}

/**
 * The trigger's (and a did-event condition's) property filters: the segment builder's typed
 * comparisons, stacked to fit the side panel. Every filter must hold for the event to count.
 */
export function PropertyFilterFields({
  filters,
  onChange,
  disabled,
  fieldErrors,
  path = "filters",
  empty,
}: Props) {
  const t = useTranslations("journeys.filters");
  const fs = list(filters);
  const put = (i: number, f: R, key?: string) =>
    onChange(
      fs.map((x, j) => (j === i ? f : x)),
      key,
    );
  return (
    <Shell
      title={t("title")}
      hint={t("propertyHint")}
      empty={empty ?? t("propertyEmpty")}
      count={fs.length}
      disabled={disabled}
      onAdd={() => onChange([...fs, { property: "", type: "string", op: "equals", value: "" }])}
    >
      {fs.map((f, i) => {
        const at = `${path}.${i}`;
        const invalid = fieldInvalid(fieldErrors, path);
        return (
          <FilterBox
            key={i}
            index={i}
            messages={errorsAt(fieldErrors, at)}
            disabled={disabled}
            onRemove={() => onChange(fs.filter((_, j) => j !== i))}
            property={
              <Input
                aria-label={t("property", { n: i + 1 })}
                aria-invalid={invalid(`${i}.property`)}
                placeholder={t("amountPlaceholder")}
                value={String(f.property ?? "")}
                disabled={disabled}
                onChange={(e) => put(i, { ...f, property: e.target.value }, `${at}.property`)}
              />
            }
          >
            <ComparisonEditor
              compact
              label={t("filter", { n: i + 1 })}
              readOnly={disabled}
              invalid={within(invalid, String(i))}
              value={f as unknown as TComparison}
              onChange={(c) => put(i, { ...c, property: f.property ?? "" }, `${at}.value`)}
            />
          </FilterBox>
        );
      })}
    </Shell>
  );
}

const EQ_TYPES = ["string", "number", "true", "false", "null"] as const;
const eqType = (v: unknown) =>
  v === null
    ? "null"
    : v === true
      ? "true"
      : v === false
        ? "false"
        : typeof v === "number"
          ? "number"
          : "string";
const eqValue = (t: string, old: unknown): unknown => {
  if (t === "null") return null;
  if (t === "true" || t === "false") return t === "true";
  if (t === "number") return typeof old === "number" ? old : 0;
  return typeof old === "string" ? old : "";
};

/**
 * A wait-for-event's filters: a property equal to a text, number, true/false or empty value (the
 * durable wait matches equality only; see lib/journeys/interpret/wait-for-event-filter.ts).
 */
export function EqualityFilterFields({
  filters,
  onChange,
  disabled,
  fieldErrors,
  path = "filters",
  empty,
}: Props) {
  const t = useTranslations("journeys.filters");
  const fs = list(filters);
  const put = (i: number, f: R, key?: string) =>
    onChange(
      fs.map((x, j) => (j === i ? f : x)),
      key,
    );
  return (
    <Shell
      title={t("title")}
      hint={t("equalityHint")}
      empty={empty ?? t("equalityEmpty")}
      count={fs.length}
      disabled={disabled}
      onAdd={() => onChange([...fs, { property: "", value: "" }])}
    >
      {fs.map((f, i) => (
        <EqualityRow
          key={i}
          index={i}
          filter={f}
          at={`${path}.${i}`}
          disabled={disabled}
          fieldErrors={fieldErrors}
          onChange={(next, key) => put(i, next, key)}
          onRemove={() => onChange(fs.filter((_, j) => j !== i))}
        />
      ))}
    </Shell>
  );
}

/** The value's kind is kept while a number field is cleared, so it does not turn into text. */
function EqualityRow({
  index: i,
  filter: f,
  at,
  disabled,
  fieldErrors,
  onChange,
  onRemove,
}: {
  index: number;
  filter: R;
  at: string;
  disabled: boolean;
  fieldErrors: Record<string, string>;
  onChange: (f: R, key?: string) => void;
  onRemove: () => void;
}) {
  const tf = useTranslations("journeys.filters");
  const [kind, setKind] = useState(() => eqType(f.value));
  const t = f.value === "" && kind === "number" ? "number" : eqType(f.value);
  const invalid = (field: string) =>
    Object.keys(fieldErrors).some((k) => k === `${at}.${field}` || k.startsWith(`${at}.${field}.`));
  return (
    <FilterBox
      index={i}
      messages={errorsAt(fieldErrors, at)}
      disabled={disabled}
      onRemove={onRemove}
      property={
        <Input
          aria-label={tf("property", { n: i + 1 })}
          aria-invalid={invalid("property")}
          placeholder={tf("planPlaceholder")}
          value={String(f.property ?? "")}
          disabled={disabled}
          onChange={(e) => onChange({ ...f, property: e.target.value }, `${at}.property`)}
        />
      }
    >
      <div className="flex items-center gap-2">
        <span className="shrink-0 text-sm text-slate-500">{tf("equals")}</span>
        <NativeSelect
          aria-label={tf("type", { n: i + 1 })}
          className="w-24 shrink-0"
          value={t}
          disabled={disabled}
          onChange={(e) => {
            setKind(e.target.value as typeof kind);
            onChange({ ...f, value: eqValue(e.target.value, f.value) });
          }}
        >
          {EQ_TYPES.map((v) => (
            <option key={v} value={v}>
              {tf(`types.${v}`)}
            </option>
          ))}
        </NativeSelect>
        {t === "string" || t === "number" ? (
          <Input
            aria-label={tf("value", { n: i + 1 })}
            aria-invalid={invalid("value")}
            className="min-w-0 flex-1"
            type={t === "number" ? "number" : "text"}
            value={String(f.value ?? "")}
            disabled={disabled}
            onChange={(e) =>
              onChange(
                {
                  ...f,
                  value:
                    t === "number" && e.target.value !== ""
                      ? Number(e.target.value)
                      : e.target.value,
                },
                `${at}.value`,
              )
            }
          />
        ) : null}
      </div>
    </FilterBox>
  );
}
