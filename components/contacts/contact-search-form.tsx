"use client";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useUrlForm } from "@/components/app/use-url-form";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import {
  CONTACT_FILTERS,
  contactListQuery,
  hasNarrowing,
  parseContactListParams,
  type TContactFilter,
  type TContactListParams,
} from "@/lib/contacts/contact-list-params";

const FILTER_LABELS: Record<TContactFilter, string> = {
  email: "Has email",
  phone: "Has phone",
  push: "Has push token",
};

type TFormState = { q: string; has: TContactFilter[]; optedOut: boolean; created: string };
const stateOf = (p: TContactListParams): TFormState => ({
  q: p.q,
  has: p.has,
  optedOut: p.optedOut,
  created: p.createdWithinDays ? String(p.createdWithinDays) : "",
});
const paramsOf = (s: TFormState) =>
  parseContactListParams({ q: s.q, has: s.has, optout: s.optedOut ? "1" : "", created: s.created });

/**
 * Search box and filters. Everything lives in the URL (a shared link opens the same view), and a
 * new search or filter starts again from the first page. The fields follow the URL when it
 * changes by other means (Back, Forward, a link), but not when it catches up with what this
 * form pushed, so nothing typed meanwhile is lost.
 */
export function ContactSearchForm({
  basePath,
  params,
}: {
  basePath: string;
  params: TContactListParams;
}) {
  const router = useRouter();
  const [form, setForm, expectUrl] = useUrlForm(stateOf(params));

  const apply = (next: TFormState) => {
    setForm(next);
    const p = paramsOf(next);
    expectUrl(stateOf(p));
    router.push(`${basePath}${contactListQuery(p)}`);
  };

  return (
    <form
      role="search"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply(form);
      }}
    >
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400"
            aria-hidden="true"
          />
          <Input
            name="q"
            type="search"
            aria-label="Search contacts"
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
            placeholder="Search by user id, email or phone (starts with…), or an attribute like plan:pro"
            className="pl-9"
          />
        </div>
        <Button type="submit">Search</Button>
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-slate-700">
        {CONTACT_FILTERS.map((f) => (
          <label key={f} className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              checked={form.has.includes(f)}
              onChange={(e) =>
                apply({
                  ...form,
                  has: e.target.checked ? [...form.has, f] : form.has.filter((h) => h !== f),
                })
              }
              className="size-4 rounded border-slate-300 accent-brand-600"
            />
            {FILTER_LABELS[f]}
          </label>
        ))}
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={form.optedOut}
            onChange={(e) => apply({ ...form, optedOut: e.target.checked })}
            className="size-4 rounded border-slate-300 accent-brand-600"
          />
          Opted out
        </label>
        <label className="inline-flex items-center gap-2">
          Created
          <NativeSelect
            aria-label="Created"
            value={form.created}
            onChange={(e) => apply({ ...form, created: e.target.value })}
            className="h-8 w-44"
          >
            <option value="">any time</option>
            <option value="7">in the last 7 days</option>
            <option value="30">in the last 30 days</option>
            <option value="90">in the last 90 days</option>
          </NativeSelect>
        </label>
        {hasNarrowing(params) ? (
          <button
            type="button"
            onClick={() => apply({ q: "", has: [], optedOut: false, created: "" })}
            className="inline-flex items-center gap-1 text-brand-600 hover:underline"
          >
            <X className="size-3.5" aria-hidden="true" /> Clear search and filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
