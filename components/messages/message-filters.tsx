"use client";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FilterSelect, Input } from "@/components/ui/input";

type TOption = { value: string; label: string };
type TForm = { channel: string; status: string; q: string };

/**
 * Channel, status and recipient search. They live in the URL (a shared link opens the same view)
 * and a change starts again from the newest page. `keep` carries narrowing set elsewhere (a
 * contact or template the log was opened for). The fields follow the URL when it changes.
 */
export function MessageFilters({
  basePath,
  value,
  keep,
  channels,
  statuses,
}: {
  basePath: string;
  value: TForm;
  keep: Record<string, string>;
  channels: TOption[];
  statuses: TOption[];
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
    const s = new URLSearchParams(keep);
    if (next.channel) s.set("channel", next.channel);
    if (next.status) s.set("status", next.status);
    if (next.q.trim()) s.set("q", next.q.trim());
    const qs = s.toString();
    router.push(qs ? `${basePath}?${qs}` : basePath);
  };
  const narrowed = Boolean(value.channel || value.status || value.q || Object.keys(keep).length);

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
          name="q"
          aria-label="Search recipients"
          placeholder="Search by recipient: email, phone number or user id"
          value={form.q}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
          className="pl-9"
        />
      </div>
      <FilterSelect
        label="Channel"
        allLabel="All channels"
        options={channels}
        value={form.channel}
        onValueChange={(channel) => apply({ ...form, channel })}
        className="w-40"
      />
      <FilterSelect
        label="Status"
        allLabel="All statuses"
        options={statuses}
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
