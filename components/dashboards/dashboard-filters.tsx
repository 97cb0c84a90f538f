"use client";
import { usePathname, useRouter } from "next/navigation";
import { useUrlForm } from "@/components/app/use-url-form";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TFilterValue } from "@/lib/analytics/dashboard-params";

type TOption = { value: string; label: string };

const PRESETS: TOption[] = [
  { value: "7d", label: "Last 7 days" },
  { value: "14d", label: "Last 14 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "custom", label: "Custom range" },
];

/**
 * Date range (presets or custom days), channel, journey and segment, kept in the URL so a view can
 * be shared. Only the selects a page passes options for are shown.
 */
export function DashboardFilters({
  value,
  channels,
  journeys,
  segments,
}: {
  value: TFilterValue;
  channels?: TOption[];
  journeys?: TOption[];
  segments?: TOption[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [form, setForm] = useUrlForm(value);
  const go = (next: TFilterValue) => {
    setForm(next);
    if (next.range === "custom" && (!next.from || !next.to)) return;
    const s = new URLSearchParams();
    if (next.range && next.range !== "30d") s.set("range", next.range);
    if (next.range === "custom") {
      s.set("from", next.from);
      s.set("to", next.to);
    }
    for (const k of ["channel", "journey", "segment"] as const) if (next[k]) s.set(k, next[k]);
    const qs = s.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };
  const select = (
    key: "channel" | "journey" | "segment",
    label: string,
    all: string,
    options?: TOption[],
  ) =>
    options ? (
      <label className="flex items-center gap-2 text-sm text-slate-600">
        {label}
        <NativeSelect
          aria-label={label}
          value={form[key]}
          onChange={(e) => go({ ...form, [key]: e.target.value })}
          className="w-auto"
        >
          {all ? <option value="">{all}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </label>
    ) : null;

  return (
    <form
      role="search"
      aria-label="Dashboard filters"
      className="flex flex-wrap items-center gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        go(form);
      }}
    >
      <label className="flex items-center gap-2 text-sm text-slate-600">
        Date range
        <NativeSelect
          aria-label="Date range"
          value={form.range}
          onChange={(e) => go({ ...form, range: e.target.value })}
          className="w-auto"
        >
          {PRESETS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </label>
      {form.range === "custom" ? (
        <>
          <label className="flex items-center gap-2 text-sm text-slate-600">
            From
            <Input
              type="date"
              aria-label="From"
              value={form.from}
              max={form.to || undefined}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
              className="w-auto"
            />
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-600">
            To
            <Input
              type="date"
              aria-label="To"
              value={form.to}
              min={form.from || undefined}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
              className="w-auto"
            />
          </label>
          <Button type="submit" variant="outline" size="sm">
            Apply
          </Button>
        </>
      ) : null}
      {select(
        "journey",
        "Journey",
        journeys && journeys.length && !segments ? "All journeys" : "",
        journeys,
      )}
      {select("channel", "Channel", "All channels", channels)}
      {select("segment", "Segment", "All segments", segments)}
    </form>
  );
}
