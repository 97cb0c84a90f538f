"use client";
import { useTranslations } from "next-intl";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useUrlForm } from "@/components/app/use-url-form";
import { cn } from "@/lib/utils";
import { Button } from "./button";
import { DateRangeFields } from "./date-range-fields";
import { FilterField } from "./filter-field";
import { isNarrowed, isRangeIncomplete, listFilterHref, type TRangeValue } from "./filter-query";
import { FilterSelect, Input } from "./input";

export type TFilterSelect = {
  /** The URL parameter the select sets. */
  param: string;
  label: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  className?: string;
};

/** What a bar's own fields (`children`) get: the form, an edit kept local, and an edit applied. */
export type TFilterFields<T> = {
  form: T;
  edit: (next: T) => void;
  apply: (next: T) => void;
};

type TFilterBarProps<T extends object> = {
  /** The search landmark's name, where the page has more than one or no search box names it. */
  label?: string;
  /** What the URL (or the owner) holds now: the fields follow it when it changes. */
  value: T;
  /** The list's address; with `keep`, `selects` and `q` it makes the default URL and Clear's. */
  basePath?: string;
  /** Narrowing set elsewhere (the contact a log was opened for): kept, and dropped by Clear. */
  keep?: Record<string, string>;
  /** Where an applied form goes, or null while it is incomplete. Default: listFilterHref. */
  href?: (next: T) => string | null;
  /** What the URL will hold once `href` lands, where it normalises the form. */
  expect?: (next: T) => T;
  /** Instead of a URL: the owner applies the form (the canvas keeps its range in the editor). */
  onApply?: (next: T) => void;
  /** A search box on a row of its own, bound to the form's `q`, with the submit button. */
  search?: { label: string; placeholder: string; name?: string };
  submitLabel?: string;
  /** Selects bound to the form's parameters, each with "All …" first. */
  selects?: TFilterSelect[];
  /** The date range (preset or custom days), bound to the form's range, from and to. */
  dateRange?: boolean;
  /** The bar's own fields (checkboxes, a select of its own), after the selects. */
  children?: (fields: TFilterFields<T>) => React.ReactNode;
  /** Whether Clear is offered. Default: any value set, or narrowing kept from elsewhere. */
  narrowed?: boolean;
  clearLabel?: string;
  /** Where Clear goes. Default: basePath. */
  clearHref?: string;
  /** Before and after the fields on their row (the canvas's title, its days and link). */
  before?: React.ReactNode;
  after?: React.ReactNode;
  className?: string;
  testId?: string;
};

/**
 * Every list and dashboard filter: an optional search box on its own row with the submit button,
 * then one row of labelled fields (date range, selects, the bar's own), Apply while custom days
 * wait for it, and Clear while anything narrows. The state lives in the URL (a shared link opens
 * the same view) through useUrlForm: edits stay local until applied, a select or preset applies at
 * once, and the fields follow the URL when it changes by other means. A change starts again from
 * the first page, since the URL carries no page position.
 */
export function FilterBar<T extends object>({
  label,
  value,
  basePath = "",
  keep = {},
  href,
  expect,
  onApply,
  search,
  submitLabel,
  selects = [],
  dateRange = false,
  children,
  narrowed,
  clearLabel,
  clearHref,
  before,
  after,
  className,
  testId,
}: TFilterBarProps<T>) {
  const router = useRouter();
  const t = useTranslations("common");
  const td = useTranslations("dashboards.filters");
  const [form, setForm, expectUrl] = useUrlForm(value);
  const strings = (v: T) => v as unknown as Record<string, string>;
  const range = (v: T) => v as unknown as TRangeValue;

  const apply = (next: T) => {
    setForm(next);
    if (dateRange && isRangeIncomplete(range(next))) return;
    if (onApply) return onApply(next);
    const url = href
      ? href(next)
      : listFilterHref(
          basePath,
          strings(next),
          selects.map((s) => s.param),
          keep,
        );
    if (url === null) return;
    expectUrl(expect ? expect(next) : next);
    router.push(url);
  };
  const clearable = narrowed ?? isNarrowed(strings(value), keep);
  const waiting = !search && dateRange && range(form).range === "custom";

  return (
    <form
      role="search"
      aria-label={label}
      data-testid={testId}
      className={cn("space-y-3 text-sm text-slate-700", className)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(form);
      }}
    >
      {search ? (
        <div className="flex gap-2">
          <div className="relative min-w-0 flex-1">
            <Search
              className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400"
              aria-hidden="true"
            />
            <Input
              type="search"
              name={search.name ?? "q"}
              aria-label={search.label}
              placeholder={search.placeholder}
              value={strings(form).q ?? ""}
              onChange={(e) => setForm({ ...form, q: e.target.value })}
              className="pl-9"
            />
          </div>
          <Button type="submit">{submitLabel ?? t("search")}</Button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 empty:hidden">
        {before}
        {dateRange ? (
          <DateRangeFields
            value={range(form)}
            onChange={(r) => setForm({ ...form, ...r })}
            onPreset={(r) => apply({ ...form, ...r })}
          />
        ) : null}
        {selects.map((s) => (
          <FilterField key={s.param} label={s.label}>
            <FilterSelect
              label={s.label}
              allLabel={s.allLabel}
              options={s.options}
              value={strings(form)[s.param] ?? ""}
              onValueChange={(v) => apply({ ...form, [s.param]: v })}
              className={s.className ?? "w-auto max-w-60"}
            />
          </FilterField>
        ))}
        {children?.({ form, edit: setForm, apply })}
        {waiting ? (
          <Button type="submit" variant="outline" size="sm">
            {td("apply")}
          </Button>
        ) : null}
        {clearable ? (
          <button
            type="button"
            onClick={() => router.push(clearHref ?? basePath)}
            className="inline-flex items-center gap-1 whitespace-nowrap text-brand-600 hover:underline"
          >
            <X className="size-3.5" aria-hidden="true" /> {clearLabel ?? t("clearFilters")}
          </button>
        ) : null}
        {after}
      </div>
    </form>
  );
}
