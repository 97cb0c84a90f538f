import type { LucideIcon } from "lucide-react";

/** What an area will hold, shown until its feature lands, so nothing in the shell is a dead end. */
export function ComingSoon({
  icon: Icon,
  title,
  points,
}: {
  icon: LucideIcon;
  title: string;
  points: string[];
}) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white px-8 py-12 text-center">
      <Icon className="mx-auto size-10 text-brand-500" aria-hidden="true" />
      <h2 className="mt-4 text-lg font-semibold">{title}</h2>
      <ul className="mx-auto mt-4 max-w-lg space-y-2 text-left text-sm text-slate-600">
        {points.map((p) => (
          <li key={p} className="flex gap-2">
            <span
              className="mt-1.5 size-1.5 shrink-0 rounded-full bg-brand-500"
              aria-hidden="true"
            />
            {p}
          </li>
        ))}
      </ul>
    </section>
  );
}
