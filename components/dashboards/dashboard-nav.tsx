import { useTranslations } from "next-intl";
import Link from "next/link";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "overview", path: "" },
  { key: "journeys", path: "/journeys" },
  { key: "templates", path: "/templates" },
  { key: "segments", path: "/segments" },
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
  const tr = useTranslations("dashboards.tabs");
  const tn = useTranslations("nav");
  return (
    <nav aria-label={tn("dashboards")} className="mb-5 flex gap-1 border-b border-slate-200">
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
          {tr(t.key)}
        </Link>
      ))}
    </nav>
  );
}
