import { cn } from "@/lib/utils";

/** A determinate progress bar; `value` in percent. */
export function Progress({
  value,
  label,
  className,
}: {
  value: number;
  label: string;
  className?: string;
}) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className={cn(
        "h-3 w-full overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200",
        className,
      )}
    >
      <div
        className="h-full rounded-full bg-brand-600 transition-[width] duration-500"
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
