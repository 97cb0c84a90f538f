"use client";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FilterSelect, Input } from "@/components/ui/input";

type TForm = { journey: string; status: string; q: string };
const STATUSES = ["active", "failed", "completed", "exited", "cancelled"];

/** Journey, status and contact search, kept in the URL; a change starts again from the newest page. */
export function RunFilters({
  basePath,
  value,
  journeys,
}: {
  basePath: string;
  value: TForm;
  journeys: { id: string; name: string }[];
}) {
  const router = useRouter();
  const urlKey = JSON.stringify(value);
  const [form, setForm] = useState(value);
  const [seen, setSeen] = useState(urlKey);
  if (urlKey !== seen) {
    setSeen(urlKey);
    setForm(value);
  }
  const apply = (next: TForm) => {
    setForm(next);
    const s = new URLSearchParams();
    if (next.journey) s.set("journey", next.journey);
    if (next.status) s.set("status", next.status);
    if (next.q.trim()) s.set("q", next.q.trim());
    const qs = s.toString();
    router.push(qs ? `${basePath}?${qs}` : basePath);
  };
  const narrowed = Boolean(value.journey || value.status || value.q);
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
          aria-label="Search contacts"
          placeholder="Contact: user id or email"
          value={form.q}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
          className="pl-9"
        />
      </div>
      <FilterSelect
        label="Journey"
        allLabel="All journeys"
        options={journeys.map((j) => ({ value: j.id, label: j.name }))}
        value={form.journey}
        onValueChange={(journey) => apply({ ...form, journey })}
        className="w-48"
      />
      <FilterSelect
        label="Status"
        allLabel="All statuses"
        options={STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))}
        value={form.status}
        onValueChange={(status) => apply({ ...form, status })}
        className="w-40"
      />
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
