"use client";
import { Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TContactListParams } from "@/lib/contacts/contact-list-params";

const FILTERS = [
  { name: "has", value: "email", label: "Has email" },
  { name: "has", value: "phone", label: "Has phone" },
  { name: "has", value: "push", label: "Has push token" },
  { name: "optout", value: "1", label: "Opted out" },
] as const;

/**
 * Search box and filters. Everything lives in the URL (a shared link opens the same view), and a
 * new search or filter starts again from the first page.
 */
export function ContactSearchForm({ basePath, params }: { basePath: string; params: TContactListParams }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const apply = () => {
    const data = new FormData(form.current!);
    const query = new URLSearchParams();
    for (const [k, v] of data) if (typeof v === "string" && v.trim()) query.append(k, v.trim());
    const s = query.toString();
    router.push(s ? `${basePath}?${s}` : basePath);
  };
  const checked = (name: string, value: string) => (name === "optout" ? params.optedOut : params.has.includes(value as TContactListParams["has"][number]));
  const narrowed = Boolean(params.q || params.has.length || params.optedOut || params.createdWithinDays);
  // Keyed by the URL's state, so Back/Forward and "Clear" reset the uncontrolled fields.
  const key = JSON.stringify(params);

  return (
    <form
      key={key}
      ref={form}
      role="search"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden="true" />
          <Input
            name="q"
            type="search"
            aria-label="Search contacts"
            defaultValue={params.q}
            placeholder="Search by user id, email or phone (starts with…), or an attribute like plan:pro"
            className="pl-9"
          />
        </div>
        <Button type="submit">Search</Button>
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-slate-700">
        {FILTERS.map((f) => (
          <label key={f.label} className="inline-flex items-center gap-2">
            <input type="checkbox" name={f.name} value={f.value} defaultChecked={checked(f.name, f.value)} onChange={apply} className="size-4 rounded border-slate-300 accent-brand-600" />
            {f.label}
          </label>
        ))}
        <label className="inline-flex items-center gap-2">
          Created
          <NativeSelect name="created" aria-label="Created" defaultValue={params.createdWithinDays ?? ""} onChange={apply} className="h-8 w-40">
            <option value="">any time</option>
            <option value="7">in the last 7 days</option>
            <option value="30">in the last 30 days</option>
            <option value="90">in the last 90 days</option>
          </NativeSelect>
        </label>
        {narrowed ? (
          <Link href={basePath} className="inline-flex items-center gap-1 text-brand-600 hover:underline">
            <X className="size-3.5" aria-hidden="true" /> Clear search and filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
