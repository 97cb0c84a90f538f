"use client";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useUrlForm } from "@/components/app/use-url-form";
import { Button } from "./button";
import { FilterSelect, Input } from "./input";

export type TFilterSelect = {
  /** The URL parameter the select sets. */
  param: string;
  label: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  className?: string;
};

/**
 * A list's search box and filter selects, kept in the URL (a shared link opens the same view): a
 * change starts again from the newest page. `value` holds `q` and each select's parameter; `keep`
 * carries narrowing set elsewhere (the contact a log was opened for), which Clear drops too.
 */
export function FilterBar({
  basePath,
  value,
  keep = {},
  search,
  selects,
}: {
  basePath: string;
  value: Record<string, string>;
  keep?: Record<string, string>;
  search: { label: string; placeholder: string; name?: string };
  selects: TFilterSelect[];
}) {
  const router = useRouter();
  const [form, setForm] = useUrlForm(value);
  const apply = (next: Record<string, string>) => {
    setForm(next);
    const s = new URLSearchParams(keep);
    for (const { param } of selects) if (next[param]) s.set(param, next[param]);
    const q = next.q?.trim();
    if (q) s.set("q", q);
    const qs = s.toString();
    router.push(qs ? `${basePath}?${qs}` : basePath);
  };
  const narrowed = Object.values(value).some(Boolean) || Object.keys(keep).length > 0;

  return (
    <form
      role="search"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        apply(form);
      }}
    >
      <div className="relative min-w-64 flex-1">
        <Search
          className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400"
          aria-hidden="true"
        />
        <Input
          type="search"
          name={search.name}
          aria-label={search.label}
          placeholder={search.placeholder}
          value={form.q ?? ""}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
          className="pl-9"
        />
      </div>
      {selects.map((s) => (
        <FilterSelect
          key={s.param}
          label={s.label}
          allLabel={s.allLabel}
          options={s.options}
          value={form[s.param] ?? ""}
          onValueChange={(v) => apply({ ...form, [s.param]: v })}
          className={s.className ?? "w-40"}
        />
      ))}
      <Button type="submit">Search</Button>
      {narrowed ? (
        <button
          type="button"
          onClick={() => router.push(basePath)}
          className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline"
        >
          <X className="size-3.5" aria-hidden="true" /> Clear filters
        </button>
      ) : null}
    </form>
  );
}
