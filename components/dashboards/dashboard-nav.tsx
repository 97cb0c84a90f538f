import Link from "next/link";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "overview", label: "Overview", path: "" },
  { key: "journeys", label: "Journeys", path: "/journeys" },
  { key: "templates", label: "Templates & channels", path: "/templates" },
  { key: "segments", label: "Segments", path: "/segments" },
] as const;

/** The dashboard pages; the view's query string goes along so the range stays when switching. */
export function DashboardNav({
  slug,
  current,
  query,
}: {
  slug: string;
  current: (typeof TABS)[number]["key"];
  query: string;
}) {
  return (
    <nav aria-label="Dashboards" className="mb-5 flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={`/w/${slug}/dashboards${t.path}${query}`}
          aria-current={t.key === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            t.key === current
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
